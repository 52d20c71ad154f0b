"""Officers see who changed what and when, and put an organisation, champion or win back to an earlier version."""

import datetime

import pytest
from django.urls import reverse

from signatories.models import Organisation, Sector
from tests import factories
from tests.success_factors.builders import page_text
from tests.wins.factories import WinFactory

pytestmark = pytest.mark.django_db


def edit_organisation(client, organisation, **changes):
    data = {
        "name": organisation.name,
        "sector": organisation.sector,
        "kind": organisation.kind,
        "charity_number": organisation.charity_number,
        "company_number": "",
        "website": "",
    }
    data.update(changes)
    response = client.post(reverse("signatories:organisation_edit", args=[organisation.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]


def test_history_shows_who_changed_what_and_when(officer, officer_client):
    organisation = factories.OrganisationFactory(name="Riverside Trust", sector=Sector.VOLUNTARY)
    edit_organisation(officer_client, organisation, name="Riverside Community Trust")

    html = officer_client.get(reverse("history", args=["organisation", organisation.pk])).content.decode()

    assert "Changed on" in html and "Created on" in html
    assert "Riverside Trust" in html and "Riverside Community Trust" in html
    assert officer.get_full_name() in html


def test_officer_restores_an_earlier_version(officer_client):
    organisation = factories.OrganisationFactory(name="Riverside Trust", charity_number="1234567")
    edit_organisation(officer_client, organisation, name="Riverside Community Trust", charity_number="7654321")
    original = organisation.history.order_by("history_date").first()
    url = reverse("history_restore", args=["organisation", organisation.pk, original.history_id])

    confirm = officer_client.get(url).content.decode()
    assert "Riverside Trust" in confirm and "Restore this version" in confirm
    response = officer_client.post(url, follow=True)

    organisation.refresh_from_db()
    assert (organisation.name, organisation.charity_number) == ("Riverside Trust", "1234567")
    assert "has been restored" in response.content.decode()
    assert organisation.history.count() == 3  # created, changed, restored: nothing rewritten
    assert organisation.history.first().history_change_reason.startswith("Restored the version of")


def test_restoring_a_version_that_now_clashes_explains_and_changes_nothing(officer_client):
    organisation = factories.OrganisationFactory(name="Riverside Trust")
    edit_organisation(officer_client, organisation, name="Riverside Community Trust")
    factories.OrganisationFactory(name="Riverside Trust")  # the old name is taken now
    original = organisation.history.order_by("history_date").first()

    response = officer_client.post(
        reverse("history_restore", args=["organisation", organisation.pk, original.history_id]), follow=True
    )

    assert "cannot be restored" in response.content.decode()
    organisation.refresh_from_db()
    assert organisation.name == "Riverside Community Trust"


def test_a_win_can_be_restored_and_an_assessment_only_read(compact, officer_client):
    win = WinFactory(compact=compact, title="First title")
    win.title = "Second title"
    win.save()
    first = win.history.order_by("history_date").first()

    officer_client.post(reverse("history_restore", args=["win", win.pk, first.history_id]))
    win.refresh_from_db()
    assert win.title == "First title"

    assessment = factories.AssessmentFactory(compact=compact)
    assert officer_client.get(reverse("history", args=["assessment", assessment.pk])).status_code == 200
    version = assessment.history.first()
    restore = reverse("history_restore", args=["assessment", assessment.pk, version.history_id])
    assert officer_client.post(restore).status_code == 404


def test_restoring_a_win_puts_back_its_factors_and_organisations_too(compact, officer_client):
    from tests.wins.factories import factor

    food_bank, council = factories.OrganisationFactory(name="Food Bank"), factories.OrganisationFactory(name="Council")
    win = WinFactory(compact=compact, title="Shared referrals", factors=[factor(2)], organisations=[food_bank])
    kept = win.history.order_by("-history_date", "-history_id").first()  # after the factors and organisations
    win.factors.set([factor(5), factor(6)])
    win.organisations.set([council])
    restore = reverse("history_restore", args=["win", win.pk, kept.history_id])

    preview = page_text(officer_client.get(restore))
    assert "2. Establish the right structures" in preview and "Food Bank" in preview

    officer_client.post(restore)

    assert [f.number for f in win.factors.all()] == [2]
    assert list(win.organisations.all()) == [food_bank]


def test_unknown_kinds_are_not_found(officer_client):
    assert officer_client.get(reverse("history", args=["user", 1])).status_code == 404


def test_detail_pages_link_to_the_history_for_officers_only(officer_client, lsp_client):
    organisation = factories.OrganisationFactory()
    url = reverse("signatories:organisation_detail", args=[organisation.pk])
    link = reverse("history", args=["organisation", organisation.pk])

    assert link in officer_client.get(url).content.decode()
    assert link not in lsp_client.get(url).content.decode()
    assert Organisation.objects.count() == 1


def _record(kind, compact, officer):
    from compact_site.reporting import services as reporting
    from success_factors.models import Factor
    from wins.concerns.models import Concern

    if kind == "organisation":
        return factories.OrganisationFactory()
    if kind == "champion":
        return factories.ChampionFactory()
    if kind == "assessment":
        return factories.AssessmentFactory(compact=compact)
    if kind == "action":
        return factories.ActionFactory(compact=compact)
    if kind == "win":
        return WinFactory(compact=compact)
    if kind == "concern":
        return Concern.objects.create(compact=compact, title="Late grant letters", factor=Factor.objects.get(number=5))
    return reporting.create_report(
        compact=compact, start=datetime.date(2026, 4, 1), end=datetime.date(2026, 6, 30), by=officer
    )


@pytest.mark.parametrize("kind", ["organisation", "champion", "assessment", "action", "win", "concern", "report"])
def test_every_kind_of_record_links_its_history_for_officers(kind, compact, officer, officer_client, lsp_client):
    record = _record(kind, compact, officer)
    link = reverse("history", args=[kind, record.pk])

    page = officer_client.get(record.get_absolute_url())

    assert page.status_code == 200 and link in page.content.decode()
    assert officer_client.get(link).status_code == 200
