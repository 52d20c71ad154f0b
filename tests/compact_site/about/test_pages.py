"""The accessibility statement, privacy notice, cookies and contact pages as visitors and officers see them."""

import datetime
import re

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from compact_site.about import services
from compact_site.about.models import DEFAULT_KNOWN_ISSUES, StatementSettings
from compact_site.public import services as public_services

pytestmark = pytest.mark.django_db


def fill_in(officer, **details):
    return services.update_statement_settings(by=officer, **details)


def text_of(response):
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.fixture
def council(compact):
    compact.council_name = "Anytown Borough Council"
    compact.save()
    return compact


def test_the_accessibility_statement_names_the_council_and_its_defaults_are_true(council, client):
    text = text_of(client.get("/accessibility/"))
    assert "This website is run by Anytown Borough Council." in text
    assert "Equality and Human Rights Commission" in text
    assert "axe-core" in text and "WCAG 2.0, 2.1 and 2.2" in text
    # Untagged PDFs are a true known issue as the service ships; nobody has audited it yet, so it claims no more.
    assert DEFAULT_KNOWN_ISSUES.split(",")[0] in text
    assert "partially compliant" in text and "fully compliant" not in text
    assert "It has not yet been audited" in text
    assert "It has not yet been reviewed." in text


def test_an_officers_audit_issues_and_dates_appear_in_the_statement(council, officer, client):
    fill_in(
        officer,
        known_issues="",
        last_audit_on=datetime.date(2026, 9, 1),
        audited_by="Access Testers Ltd",
        prepared_on=datetime.date(2026, 8, 1),
        reviewed_on=datetime.date(2026, 10, 2),
        contact_email="compact@anytown.example",
        reply_within_days=5,
    )
    text = text_of(client.get("/accessibility/"))
    assert "This website is fully compliant" in text
    assert "last audited on 1 September 2026. The audit was carried out by Access Testers Ltd" in text
    assert "prepared on 1 August 2026. It was last reviewed on 2 October 2026." in text
    assert "mailto:compact@anytown.example" in text
    assert "get back to you in 5 working days" in text


def test_known_issues_are_listed_one_a_line(council, officer, client):
    fill_in(officer, known_issues="The map has no text alternative.\n\nThe old reports are scanned images.")
    text = text_of(client.get("/accessibility/"))
    assert "<li>The map has no text alternative.</li>" in text
    assert "<li>The old reports are scanned images.</li>" in text
    assert "partially compliant" in text


def test_before_a_council_is_named_the_pages_say_the_council(compact, client):
    assert "This website is run by the council." in text_of(client.get("/accessibility/"))
    assert "The council is the data controller" in text_of(client.get("/privacy/"))


def test_the_privacy_notice_names_the_controller_dpo_basis_roles_retention_rights_and_the_ico(
    council, officer, client, settings
):
    settings.SESSION_COOKIE_AGE = 4 * 60 * 60
    settings.INVITATION_VALID_DAYS = 7
    fill_in(officer, dpo_email="dpo@anytown.example", erase_after_months=18, backups_kept_months=2)
    text = text_of(client.get("/privacy/"))
    assert "Anytown Borough Council is the data controller" in text
    assert "mailto:dpo@anytown.example" in text
    assert "Public task" in text  # the default lawful basis
    assert "job title" in text and "phone" in text and "support needs" in text  # a champion's fields, in words
    assert "Compact officers" in text and "LSP members" in text  # who sees what
    assert "erases them 18 months after you leave" in text
    assert "End 4 hours after your last visit." in text
    assert "The link works for 1 week" in text
    assert "2 months: data erased from the service lasts in older backups" in text
    assert "downloads everything the service holds about you" in text and "erases your login" in text
    assert "Information Commissioner’s Office" in text and "https://ico.org.uk/make-a-complaint/" in text


def test_officers_choose_another_lawful_basis(council, officer, client):
    fill_in(officer, lawful_basis="legitimate_interests", lawful_basis_detail="Working with the sector.")
    text = text_of(client.get("/privacy/"))
    assert "Legitimate interests" in text and "Public task" not in text
    assert "Working with the sector." in text


def test_the_cookies_page_lists_each_cookie_from_settings_and_says_there_is_no_banner(compact, client, settings):
    settings.SESSION_COOKIE_NAME = "compact_session"
    settings.SESSION_COOKIE_AGE = 8 * 60 * 60
    text = text_of(client.get("/cookies/"))
    for name in ("compact_session", settings.CSRF_COOKIE_NAME, "messages"):
        assert f"<code>{name}</code>" in text
    assert "8 hours after your last visit" in text
    assert "1 year" in text  # Django's CSRF cookie lives 52 weeks
    assert "We do not use analytics or advertising cookies" in text and "there is no cookie banner" in text


def test_the_contact_page_shows_the_teams_details_and_the_problem_form(council, officer, client):
    fill_in(officer, contact_email="compact@anytown.example", contact_phone="01632 960 000", reply_within_days=3)
    text = text_of(client.get("/contact/"))
    assert "run by Anytown Borough Council" in text
    assert "mailto:compact@anytown.example" in text and "call 01632 960 000" in text
    assert "We reply within 3 working days." in text
    assert reverse("feedback:report") + "?page=/contact/" in text


def test_the_pages_are_there_while_the_public_site_is_off_but_without_its_navigation(compact, officer, client):
    public_services.update_site_settings(by=officer, is_on=False, publish_scores=False)
    for url in ("/accessibility/", "/privacy/", "/cookies/", "/contact/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert 'aria-label="Public site"' not in response.content.decode()
        assert 'rel="canonical" href="http://127.0.0.1:8000' + url + '"' in response.content.decode()


def test_every_page_has_the_govuk_footer_with_the_links_and_the_open_government_licence(
    compact, client, officer_client
):
    for who, response in (("visitor", client.get("/accounts/login/")), ("officer", officer_client.get("/"))):
        text = text_of(response)
        footer = text[text.index('<footer class="govuk-footer">') :]
        for href in ("/accessibility/", "/privacy/", "/cookies/", "/contact/"):
            assert f'class="govuk-footer__link" href="{href}"' in footer, (who, href)
        assert "govuk-footer__licence-logo" in footer
        assert "Open Government Licence v3.0" in footer and 'rel="license"' in footer
        assert "Report a problem with this page" in text


def test_the_problem_link_carries_the_page_it_is_on(compact, officer_client):
    text = officer_client.get("/public/register/?q=trust").content.decode()
    assert 'href="/contact/report-a-problem/?page=/public/register/%3Fq%3Dtrust"' in text


def security_fields(response):
    return dict(line.split(": ", 1) for line in response.content.decode().splitlines())


def expires(fields):
    return datetime.datetime.strptime(fields["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.UTC)


def test_security_txt_follows_rfc_9116_with_an_expiry_always_ahead(compact, client, settings):
    settings.SECURITY_CONTACT = "mailto:security@anytown.example"
    response = client.get("/.well-known/security.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    fields = security_fields(response)
    assert fields["Contact"] == "mailto:security@anytown.example"
    assert fields["Canonical"] == "http://127.0.0.1:8000/.well-known/security.txt"
    assert (
        timezone.now() + datetime.timedelta(days=150) < expires(fields) < timezone.now() + datetime.timedelta(days=366)
    )

    with time_machine.travel(timezone.now() + datetime.timedelta(days=1000)):
        assert expires(security_fields(client.get("/.well-known/security.txt"))) > timezone.now()


def test_security_txt_falls_back_to_the_teams_email_then_the_contact_page(compact, officer, client, settings):
    settings.SECURITY_CONTACT = ""
    assert "Contact: http://127.0.0.1:8000/contact/" in client.get("/.well-known/security.txt").content.decode()
    fill_in(officer, contact_email="compact@anytown.example")
    assert "Contact: mailto:compact@anytown.example" in client.get("/.well-known/security.txt").content.decode()


def test_an_officer_fills_in_the_details(compact, officer, officer_client):
    response = officer_client.post(
        reverse("about:settings"),
        {
            "contact_email": "compact@anytown.example",
            "reply_within_days": "10",
            "dpo_email": "dpo@anytown.example",
            "lawful_basis": "public_task",
            "known_issues": "",
            "last_audit_on_0": "1",
            "last_audit_on_1": "9",
            "last_audit_on_2": "2026",
            "erase_after_months": "12",
            "backups_kept_months": "3",
        },
    )
    assert response.status_code == 302
    setting = StatementSettings.current()
    assert setting.dpo_email == "dpo@anytown.example"
    assert setting.last_audit_on == datetime.date(2026, 9, 1)
    assert setting.updated_by == officer
    assert setting.history.count() == 1


def test_the_details_form_shows_its_errors_in_the_error_summary(compact, officer_client):
    response = officer_client.post(
        reverse("about:settings"),
        {
            "contact_email": "not an email",
            "reply_within_days": "0",
            "lawful_basis": "public_task",
            "erase_after_months": "12",
            "backups_kept_months": "3",
            "prepared_on_0": "2",
            "prepared_on_1": "9",
            "prepared_on_2": "2026",
            "reviewed_on_0": "1",
            "reviewed_on_1": "9",
            "reviewed_on_2": "2026",
        },
    )
    assert response.status_code == 200
    text = response.content.decode()
    summary = text[text.index("govuk-error-summary") : text.index("</ul>", text.index("govuk-error-summary"))]
    assert "Enter the email address in the right format" in summary
    assert "Enter a number of days from 1 to 60" in summary
    assert "The review date must be the same as or after the date it was prepared" in summary
    assert StatementSettings.objects.count() == 0


def test_only_officers_change_the_details(compact, champion):
    with pytest.raises(PermissionDenied):
        services.update_statement_settings(by=champion, contact_email="x@example.org")
