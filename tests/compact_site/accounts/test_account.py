"""“Your account”: the one page the header links to for who is signed in, their password, two-step verification,
emails and signing out, so that the header fits on a phone."""

import pytest
from django.urls import reverse

from tests.success_factors.builders import page_text

pytestmark = pytest.mark.django_db


def test_the_header_links_to_your_account_and_signs_out_with_a_form(champion_client):
    html = champion_client.get(reverse("dashboard")).content.decode()

    assert f'href="{reverse("account")}">Your account</a>' in html
    assert f'<form method="post" action="{reverse("logout")}">' in html
    assert "Change password" not in html  # on "Your account", not in every page's header


def test_your_account_says_who_is_signed_in_and_where_to_change_things(champion_client):
    response = champion_client.get(reverse("account"))

    text = page_text(response)
    assert "Signed in as Chris Champion" in text
    assert "Username: champion" in text
    assert "Role Champion" in text
    assert "Two-step verification Off" in text
    html = response.content.decode()
    for name in ("password_change", "two_step_manage", "emails:preferences"):
        assert f'href="{reverse(name)}"' in html
    assert html.count(f'action="{reverse("logout")}"') == 2  # the header's and the page's own


def test_an_officers_account_names_their_role(officer_client):
    assert "Signed in as Olivia Officer Username: officer Role Compact officer" in page_text(
        officer_client.get(reverse("account"))
    )
