"""The demo's pledges and committees: 25 signatories pledging over two years, two committees besides the LSP with three
meetings, and six recommendations in every state, counted by the last published report."""

import pytest
from django.utils import timezone

from compact_site.reporting.committees.models import Committee, CommitteeMeeting, Recommendation
from compact_site.reporting.models import Report, ReportStatus
from signatories.models import Pledge
from signatories.pledges.models import financial_year_of

pytestmark = pytest.mark.django_db


@pytest.mark.django_db(transaction=True)
def test_the_demo_has_pledges_committees_and_recommendations_in_every_state(demo):
    today = timezone.localdate()
    this_year = financial_year_of(today)

    # 25 signatories pledge for this year and last; the demo champion's CVS has yet to
    assert Pledge.objects.values("organisation").distinct().count() == 25
    assert set(Pledge.objects.values_list("year", flat=True)) == {this_year - 1, this_year}
    assert not Pledge.objects.filter(organisation__name="Northbrook CVS").exists()

    # Two committees besides the LSP, with three meetings; every published report went to the LSP
    others = Committee.objects.exclude(kind="lsp")
    assert others.count() == 2
    assert CommitteeMeeting.objects.filter(committee__in=others).count() == 3
    lsp = Committee.objects.get(kind="lsp")
    published = Report.objects.filter(status=ReportStatus.PUBLISHED)
    assert set(published) == {sent.report for meeting in lsp.meetings.all() for sent in meeting.reports_sent.all()}

    # Six recommendations in every state, one of them an action on the plan
    recommendations = list(Recommendation.objects.all())
    assert len(recommendations) == 6
    assert {r.response for r in recommendations} == {"", "accepted", "partly_accepted", "not_accepted"}
    assert sum(r.is_overdue for r in recommendations) == 1
    assert any(not r.response and r.response_due_on >= today for r in recommendations)
    assert Recommendation.objects.filter(action__isnull=False).count() == 1

    # The last published report counts scrutiny's three recommendations about the one before, and 25 pledges
    latest = published.order_by("-period_end").first()
    assert latest.snapshot["figures"]["scrutiny"]["total"]["received"]["current"] == 3
    assert latest.snapshot["figures"]["resourcing"]["total"]["pledges"]["current"] == 25
