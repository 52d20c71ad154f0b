"""Officers set the kind of many organisations at once from the register's list (those an import made "Other")."""

import re

import pytest
from django.urls import reverse

from signatories.models import Organisation, OrganisationKind
from tests import factories

pytestmark = pytest.mark.django_db
URL = reverse("signatories:organisation_kind")


@pytest.fixture
def others():
    return [
        factories.OrganisationFactory(name=name, kind=OrganisationKind.OTHER)
        for name in ("Brookside Allotments", "Northbrook Men's Shed", "Riverside Tenants")
    ]


def test_the_list_lets_an_officer_tick_organisations_and_filter_by_kind(others, officer_client, lsp_client):
    page = officer_client.get(reverse("signatories:organisation_list"), {"kind": "other"}).content.decode()
    assert f'action="{URL}"' in page
    for organisation in others:
        assert f'name="organisations" type="checkbox" value="{organisation.pk}"' in page
    assert "Set the kind of the ticked organisations" in page
    assert (
        "Set the kind of the ticked organisations"
        not in lsp_client.get(reverse("signatories:organisation_list")).content.decode()
    )


def test_an_officer_sets_the_kind_of_the_ticked_organisations(others, officer, officer_client):
    ticked = [others[0].pk, others[1].pk]
    page = officer_client.get(URL, {"organisations": ticked})
    assert list(page.context["form"].fields["organisations"].queryset) == others[:2]
    response = officer_client.post(
        URL, {"chosen": ",".join(map(str, ticked)), "organisations": ticked, "kind": OrganisationKind.COMMUNITY_GROUP}
    )
    assert response["Location"] == reverse("signatories:organisation_list") + "?kind=community_group"
    kinds = dict(Organisation.objects.values_list("name", "kind"))
    assert kinds == {
        "Brookside Allotments": "community_group",
        "Northbrook Men's Shed": "community_group",
        "Riverside Tenants": "other",
    }
    latest = others[0].history.first()
    assert (latest.history_user, latest.history_change_reason) == (
        officer,
        "Kind set for several organisations at once",
    )
    done = officer_client.get(response["Location"]).content.decode()
    assert "2 organisations set to “Community group”." in done


def test_unticking_every_organisation_is_an_error_beside_them(others, officer_client):
    ticked = [others[0].pk]
    response = officer_client.post(URL, {"chosen": str(others[0].pk), "kind": OrganisationKind.FAITH})
    html = response.content.decode()
    assert "<title>Error: " in html
    assert "Choose at least one organisation" in html
    assert f'value="{ticked[0]}"' in html, "the organisation offered is still there to tick"
    targets = re.findall(r'<a href="#([^"]+)"', re.search(r'<div class="govuk-error-summary".*?</ul>', html, re.S)[0])
    assert targets and all(f'id="{target}"' in html for target in targets)
    assert Organisation.objects.get(pk=others[0].pk).kind == "other"


def test_no_kind_chosen_is_an_error(others, officer_client):
    response = officer_client.post(URL, {"chosen": str(others[0].pk), "organisations": [others[0].pk]})
    assert "Choose the kind of organisation" in response.content.decode()


def test_nothing_ticked_goes_back_to_the_list_saying_what_to_do(officer_client):
    response = officer_client.get(URL, follow=True)
    assert response.redirect_chain == [(reverse("signatories:organisation_list"), 302)]
    assert "Tick the organisations whose kind you want to set" in response.content.decode()


def test_only_officers_may_post(others, lsp_client, champion_client):
    data = {"chosen": str(others[0].pk), "organisations": [others[0].pk], "kind": "faith"}
    assert lsp_client.post(URL, data).status_code == 403
    assert champion_client.post(URL, data).status_code == 403
    assert Organisation.objects.get(pk=others[0].pk).kind == "other"
