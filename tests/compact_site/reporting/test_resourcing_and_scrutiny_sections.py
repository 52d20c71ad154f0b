"""The report's "Resourcing the Compact" (pledges this year against last) and "Scrutiny" (recommendations received,
responded to and open) sections: frozen with the snapshot, on screen, in the PDF and in the CSV."""

import datetime

import pytest
from django.urls import reverse

from compact_site.reporting.committees import services as committee_services
from signatories.pledges import services as pledge_services
from tests import factories

from .builders import published_report
from .committees.builders import recommendation, sent_report


@pytest.fixture
def activity(compact, officer):
    voluntary = factories.OrganisationFactory(name="Bravo Trust", sector="voluntary")
    statutory = factories.OrganisationFactory(name="Alpha Council", sector="statutory")
    for organisation in (voluntary, statutory):
        factories.SignatureFactory(compact=compact, organisation=organisation)
    pledge = pledge_services.save_pledge(
        by=officer, compact=compact, organisation=voluntary, year=2026, agreed_by="Chair", roles=[("Lead", 4)]
    )
    pledge_services.save_pledge(
        by=officer,
        compact=compact,
        organisation=statutory,
        year=2025,
        agreed_by="Leader",
        roles=[("Officer", 10)],
        money=[("Grants", 2000)],
    )
    report, committee = sent_report(compact, officer, held_on=datetime.date(2026, 5, 1))
    answered = recommendation(compact, officer, report, committee, made_on=datetime.date(2026, 5, 10))
    waiting = recommendation(
        compact, officer, report, committee, made_on=datetime.date(2026, 5, 12), due=datetime.date(2026, 6, 1)
    )
    committee_services.record_response(
        by=officer, recommendation=answered, response="accepted", text="Agreed", responded_on=datetime.date(2026, 6, 10)
    )
    return {"pledge": pledge, "waiting": waiting, "statutory": statutory}


def test_a_published_report_freezes_resourcing_and_scrutiny(compact, officer, activity):
    report = published_report(compact, officer)
    figures = report.snapshot["figures"]
    resourcing, scrutiny = figures["resourcing"], figures["scrutiny"]
    assert (resourcing["year"], resourcing["previous_year"]) == ("2026/27", "2025/26")
    assert resourcing["total"]["hours"] == {"current": 4, "previous": 10}
    assert resourcing["total"]["money"] == {"current": 0, "previous": 2000}
    assert resourcing["total"]["without"] == {"current": 1, "previous": 1}
    sectors = {row["sector"]: row["hours"] for row in resourcing["by_sector"]}
    assert sectors["Voluntary and community"] == {"current": 4, "previous": 0}
    assert scrutiny["total"]["received"] == {"current": 2, "previous": 0}
    assert scrutiny["total"]["responded"] == {"current": 1, "previous": 0}
    assert scrutiny["total"]["accepted"] == {"current": 1, "previous": 0}
    assert scrutiny["total"]["open"] == {"current": 1, "previous": 0}
    assert scrutiny["total"]["overdue"] == {"current": 1, "previous": 0}
    # What the board saw never changes.
    pledge_services.save_pledge(
        by=officer, compact=compact, organisation=activity["statutory"], year=2026, agreed_by="x", roles=[("A", 50)]
    )
    committee_services.record_response(
        by=officer,
        recommendation=activity["waiting"],
        response="not_accepted",
        text="No",
        responded_on=datetime.date(2026, 6, 20),
    )
    report.refresh_from_db()
    assert report.snapshot["figures"]["resourcing"]["total"]["hours"] == {"current": 4, "previous": 10}
    assert report.snapshot["figures"]["scrutiny"]["total"]["open"] == {"current": 1, "previous": 0}


def test_the_lsp_member_reads_both_sections_on_screen_in_the_pdf_and_the_csv(compact, officer, activity, lsp_client):
    report = published_report(compact, officer)
    page = lsp_client.get(report.get_absolute_url()).content.decode()
    assert 'id="resourcing-heading">Resourcing the Compact</h2>' in page
    assert 'id="scrutiny-heading">Scrutiny</h2>' in page
    assert "Hours a month pledged" in page and "Recommendations received" in page
    csv = lsp_client.get(reverse("reports:report_csv", args=[report.pk])).content.decode()
    assert "Resourcing the Compact (2026/27 against 2025/26),Hours a month pledged,,4,10" in csv
    assert "Scrutiny,Recommendations received,,2,0" in csv
    pdf = lsp_client.get(reverse("reports:report_pdf", args=[report.pk]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_a_report_published_before_pledges_and_committees_still_shows(compact, officer, lsp_client):
    report = published_report(compact, officer)
    snapshot = report.snapshot
    del snapshot["figures"]["resourcing"], snapshot["figures"]["scrutiny"]
    type(report).objects.filter(pk=report.pk).update(snapshot=snapshot)
    page = lsp_client.get(report.get_absolute_url()).content.decode()
    assert lsp_client.get(report.get_absolute_url()).status_code == 200
    assert "Resourcing the Compact" not in page
