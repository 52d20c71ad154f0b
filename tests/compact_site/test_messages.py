"""One-off messages ("… has been added to the register") survive the redirect after a change."""

import pytest
from django.contrib import messages
from django.urls import reverse

from tests.conftest import client_for

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.compact_site.accounts.hello_urls")]


def test_a_message_added_before_a_redirect_is_shown_once_after_it(officer):
    client = client_for(officer)
    response = client.post(
        reverse("signatories:organisation_create"),
        {"name": "Alder Community Trust", "sector": "voluntary", "kind": "charity"},
    )
    assert response.status_code == 302

    page = client.get(response.url)
    shown = [str(message) for message in messages.get_messages(page.wsgi_request)]
    assert shown == ["Alder Community Trust has been added to the register."]
    assert b"has been added to the register" in page.content
    assert b"has been added to the register" not in client.get(response.url).content
