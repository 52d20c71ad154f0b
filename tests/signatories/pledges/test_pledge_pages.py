"""A champion keeps their own organisation's pledge; officers keep all; bad input is refused with nothing saved."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from signatories.models import Pledge
from signatories.pledges import services
from signatories.pledges.models import financial_year_of, year_label
from tests import factories

THIS_YEAR = financial_year_of(datetime.date.today())


def form(**changes):
    data = {
        "year": year_label(THIS_YEAR),
        "role_1": "Compact champion",
        "hours_1": "4",
        "role_2": "Chief executive",
        "hours_2": "1.5",
        "budget_line_1": "Partnerships budget",
        "amount_1": "1500",
        "in_kind": "Meeting rooms",
        "agreed_by": "Sam Patel, Chief Executive",
    }
    data.update(changes)
    return data


@pytest.fixture
def own(champion, compact):
    organisation = champion.champion_records.get().organisation
    factories.SignatureFactory(compact=compact, organisation=organisation)
    return organisation


def test_champion_records_their_organisations_pledge(champion_client, own):
    response = champion_client.post(reverse("pledges:pledge_create"), form())
    pledge = Pledge.objects.get()
    assert response.url == pledge.get_absolute_url()
    assert pledge.organisation == own and pledge.year == THIS_YEAR
    assert pledge.hours_per_month == Decimal("5.5") and pledge.money == Decimal("1500")
    assert [(r.role, r.hours_per_month) for r in pledge.roles.all()] == [
        ("Compact champion", Decimal("4.0")),
        ("Chief executive", Decimal("1.5")),
    ]
    page = champion_client.get(pledge.get_absolute_url()).content.decode()
    assert "Compact champion, 4 hours a month" in page and "£1,500.00 from Partnerships budget" in page


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"hours_1": "-2"}, "hours_1", "Hours a month cannot be negative: enter 0 or more"),
        ({"amount_1": "-10"}, "amount_1", "The amount cannot be negative: enter 0 or more"),
        ({"year": year_label(THIS_YEAR + 2)}, "year", "A pledge can be for this financial year or next"),
        ({"year": "2026/28"}, "year", "Enter a financial year of two years in a row, like 2026/27"),
        ({"hours_1": ""}, "hours_1", "Enter the hours a month for Compact champion"),
        ({"role_1": ""}, "role_1", "Enter the name of the role"),
        ({"agreed_by": ""}, "agreed_by", "Enter who agreed the pledge"),
    ],
)
def test_bad_pledges_are_refused_with_a_message_and_nothing_saved(champion_client, own, changes, field, message):
    response = champion_client.post(reverse("pledges:pledge_create"), form(**changes))
    assert response.status_code == 200
    assert message in response.context["form"].errors[field][0]
    assert 'class="govuk-error-summary"' in response.content.decode()
    assert f'href="#id_{field}"' in response.content.decode()
    assert not Pledge.objects.exists()


def test_next_year_is_allowed(champion_client, own):
    champion_client.post(reverse("pledges:pledge_create"), form(year=year_label(THIS_YEAR + 1)))
    assert Pledge.objects.get().year == THIS_YEAR + 1


def test_a_second_pledge_for_the_same_year_is_refused(champion_client, own):
    champion_client.post(reverse("pledges:pledge_create"), form())
    response = champion_client.post(reverse("pledges:pledge_create"), form(hours_1="9"))
    assert "already has a pledge for" in response.context["form"].errors["year"][0]
    assert Pledge.objects.get().hours_per_month == Decimal("5.5")


def test_champion_cannot_change_another_organisations_pledge(champion, champion_client, compact, officer):
    other = factories.OrganisationFactory()
    pledge = services.save_pledge(
        by=officer, compact=compact, organisation=other, year=THIS_YEAR, agreed_by="Board", roles=[("Lead", 2)]
    )
    assert champion_client.get(reverse("pledges:pledge_edit", args=[pledge.pk])).status_code == 403
    assert champion_client.get(pledge.get_absolute_url()).status_code == 403


def test_officer_records_any_organisations_pledge_and_changes_it(officer_client, compact):
    organisation = factories.OrganisationFactory(name="Riverside Trust")
    response = officer_client.post(reverse("pledges:pledge_create"), form(organisation=organisation.pk))
    pledge = Pledge.objects.get(organisation=organisation)
    assert response.url == pledge.get_absolute_url()
    officer_client.post(reverse("pledges:pledge_edit", args=[pledge.pk]), form(hours_2="", role_2="", amount_1="0"))
    pledge.refresh_from_db()
    assert pledge.hours_per_month == Decimal("4") and pledge.money == 0 and pledge.roles.count() == 1


def test_summary_shows_hours_per_sector_the_trend_and_signatories_with_no_pledge(lsp_client, compact, officer):
    trust = factories.OrganisationFactory(name="Riverside Trust", sector="voluntary")
    council = factories.OrganisationFactory(name="Northbrook Council", sector="statutory")
    quiet = factories.OrganisationFactory(name="Quiet Group", sector="voluntary")
    for organisation in (trust, council, quiet):
        factories.SignatureFactory(compact=compact, organisation=organisation)
    for year, hours in ((THIS_YEAR - 1, 3), (THIS_YEAR, 6)):
        services.save_pledge(
            by=officer, compact=compact, organisation=trust, year=year, agreed_by="Chair", roles=[("Lead", hours)]
        )
    services.save_pledge(
        by=officer, compact=compact, organisation=council, year=THIS_YEAR, agreed_by="Leader", roles=[("Officer", 10)]
    )
    response = lsp_client.get(reverse("pledges:pledge_summary"))
    summary = response.context["summary"]
    sectors = {row["sector"]: (row["hours"], row["previous_hours"]) for row in summary["sectors"]}
    assert sectors["Voluntary and community"] == (6, 3) and sectors["Statutory"] == (10, 0)
    assert [organisation.name for organisation in summary["without"]] == ["Quiet Group"]
    assert [(row["label"], row["hours"]) for row in summary["trend"]] == [
        (year_label(THIS_YEAR - 1), 3),
        (year_label(THIS_YEAR), 16),
    ]
    assert "Quiet Group" in response.content.decode()


def test_factor_6_and_the_partnership_results_show_hours_per_sector_and_who_has_not_pledged(
    lsp_client, compact, officer
):
    pledged = factories.OrganisationFactory(name="Riverside Trust", sector="voluntary")
    quiet = factories.OrganisationFactory(name="Quiet Group", sector="voluntary")
    for organisation in (pledged, quiet):
        factories.SignatureFactory(compact=compact, organisation=organisation)
    services.save_pledge(
        by=officer, compact=compact, organisation=pledged, year=THIS_YEAR, agreed_by="Chair", roles=[("Lead", 7)]
    )
    for url in (reverse("success_factors:factor_detail", args=[6]), reverse("success_factors:partnership")):
        page = lsp_client.get(url).content.decode()
        assert f"Resourcing the Compact in {year_label(THIS_YEAR)}" in page, url
        assert "1 pledge: 7 hours a month" in page, url
        assert "<li>Quiet Group</li>" in page, url
    assert (
        "Resourcing the Compact"
        not in lsp_client.get(reverse("success_factors:factor_detail", args=[3])).content.decode()
    )


def test_a_new_pledge_shows_on_factor_6_at_once(lsp_client, compact, officer):
    trust = factories.OrganisationFactory(name="Riverside Trust")
    factories.SignatureFactory(compact=compact, organisation=trust)
    url = reverse("success_factors:factor_detail", args=[6])
    assert "0 pledges" in lsp_client.get(url).content.decode()
    services.save_pledge(
        by=officer, compact=compact, organisation=trust, year=THIS_YEAR, agreed_by="Chair", roles=[("Lead", 3)]
    )
    assert "1 pledge: 3 hours a month" in lsp_client.get(url).content.decode()
