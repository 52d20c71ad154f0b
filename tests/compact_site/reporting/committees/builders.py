"""A published report, a scrutiny committee with a meeting the report was sent to, and recommendations."""

import datetime

from compact_site.reporting.committees import services
from compact_site.reporting.committees.models import CommitteeKind
from tests import factories
from tests.compact_site.reporting.builders import published_report

MADE_ON = datetime.date(2026, 7, 20)


def scrutiny(compact, officer, *, name="Overview and Scrutiny Committee"):
    return services.save_committee(by=officer, compact=compact, name=name, kind=CommitteeKind.SCRUTINY)


def sent_report(compact, officer, committee=None, held_on=datetime.date(2026, 7, 15)):
    """A published report sent to a meeting of ``committee`` (a new scrutiny committee if none)."""
    report = published_report(compact, officer)
    committee = committee or scrutiny(compact, officer)
    meeting = services.add_meeting(by=officer, committee=committee, held_on=held_on)
    services.send_report(by=officer, report=report, meeting=meeting, agenda_item_url="https://democracy.example/i/1")
    return report, committee


def recommendation(compact, officer, report, committee, *, organisation=None, made_on=MADE_ON, due=None, text=None):
    return services.record_recommendation(
        by=officer,
        report=report,
        committee=committee,
        text=text or "Write the Compact into the commissioning strategy",
        made_on=made_on,
        respond_by="Cabinet member for communities",
        responder_organisation=organisation or factories.OrganisationFactory(),
        response_due_on=due or made_on + datetime.timedelta(days=56),
    )
