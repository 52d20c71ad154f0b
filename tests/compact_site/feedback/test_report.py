"""Reporting a problem with a page: stored for officers with the page, limited per address, a honeypot for programs."""

import re

import pytest
from django.urls import reverse

from compact_site.feedback.models import ProblemReport
from compact_site.feedback.services import address_hash

pytestmark = pytest.mark.django_db

URL = reverse("feedback:report")


def report(client, address="203.0.113.9", **fields):
    data = {"doing": "Searching the register", "went_wrong": "The page went blank", "page": "/public/register/"}
    data.update(fields)
    return client.post(URL, data, REMOTE_ADDR=address)


def test_a_visitor_reports_a_problem_and_it_is_kept_with_the_page(compact, client):
    form = client.get(URL + "?page=/public/register/%3Fq%3Dtrust").content.decode()
    assert 'value="/public/register/?q=trust"' in form
    assert "What were you doing?" in form and "What went wrong?" in form and "Email address (optional)" in form

    response = report(client, page="/public/register/?q=trust", email="sam@example.org")

    assert response.status_code == 302
    assert response["Location"] == reverse("feedback:thanks") + "?page=%2Fpublic%2Fregister%2F%3Fq%3Dtrust"
    problem = ProblemReport.objects.get()
    assert (problem.page, problem.doing, problem.went_wrong, problem.email) == (
        "/public/register/?q=trust",
        "Searching the register",
        "The page went blank",
        "sam@example.org",
    )
    assert problem.signed_in is False
    assert problem.address_hash == address_hash("203.0.113.9") and "203.0.113.9" not in problem.address_hash


def test_the_form_and_its_thanks_show_nobodys_email_address(compact, client):
    page = client.get(URL).content.decode()
    response = report(client, email="sam@example.org")
    thanks = client.get(response["Location"]).content.decode()
    for html in (page, thanks):
        assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", html)
    assert "Go back to the page you were on" in thanks


def test_what_is_missing_is_shown_in_the_error_summary(compact, client):
    response = client.post(URL, {"doing": "", "went_wrong": "", "email": "not-an-email"})
    text = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in text
    assert "Enter what you were doing" in text and "Enter what went wrong" in text
    assert "Enter an email address in the right format" in text
    assert not ProblemReport.objects.exists()


def test_a_program_that_fills_the_hidden_field_is_thanked_but_nothing_is_kept(compact, client):
    page = client.get(URL).content.decode()
    assert re.search(r'<div hidden>\s*<label for="id_website">', page)
    response = report(client, website="http://spam.example")
    assert response.status_code == 302 and reverse("feedback:thanks") in response["Location"]
    assert not ProblemReport.objects.exists()


def test_one_address_may_send_only_so_many_reports_an_hour(compact, client, settings):
    settings.PROBLEM_REPORTS_PER_HOUR = 2
    assert report(client).status_code == 302
    assert report(client).status_code == 302
    refused = report(client)
    assert refused.status_code == 429
    assert "Try again in an hour" in refused.content.decode()
    assert report(client, address="198.51.100.7").status_code == 302  # another address is not held up
    assert ProblemReport.objects.count() == 3


def test_the_limit_holds_without_the_cache(compact, client, settings):
    settings.PROBLEM_REPORTS_PER_HOUR = 1
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    assert report(client).status_code == 302
    assert report(client).status_code == 429


def test_a_page_on_another_site_is_not_kept_or_linked(compact, client):
    report(client, page="https://evil.example/")
    report(client, page="javascript:alert(1)", address="198.51.100.7")
    assert list(ProblemReport.objects.values_list("page", flat=True)) == ["", ""]
    assert "evil.example" not in client.get(URL + "?page=//evil.example/").content.decode()


def test_officers_read_the_reports_with_the_page_they_came_from(compact, client, officer_client):
    report(client, page="/public/wins/", email="sam@example.org")
    text = officer_client.get(reverse("feedback:report_list")).content.decode()
    assert '<a class="govuk-link" href="/public/wins/">/public/wins/</a>' in text
    assert "The page went blank" in text and "Searching the register" in text
    assert "mailto:sam@example.org" in text


def test_a_signed_in_persons_report_says_so(compact, champion_client):
    report(champion_client)
    assert ProblemReport.objects.get().signed_in is True
