"""What the accessibility statement, privacy notice, cookies page and security.txt say, worked out from the
officers' details, the Compact, the service's settings and its models.

The privacy notice's list of personal data is ``PERSONAL_DATA``: every field of every model that holds personal
data, grouped as the notice shows them. ``uncovered_personal_fields`` finds a field that looks personal (a link
to a person's login, or a name like ``email``, ``phone`` or ``job_title``) that is neither in the list nor in
``NOT_PERSONAL``: ``tests/compact_site/about/test_personal_data.py`` fails on any, so a model cannot gain a
personal field the notice does not cover.
"""

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import models
from django.urls import reverse
from django.utils import timezone

from signatories import caching
from signatories.models import Compact
from signatories.roles import CHAMPION, LSP_MEMBER, OFFICER
from signatories.selectors import current_compact

from .models import LawfulBasis, StatementSettings

# How long security.txt says it stands; it is worked out on each request, so Expires is always ahead.
SECURITY_TXT_DAYS = 180


def statement_settings() -> StatementSettings:
    """The officers' details, cached until they change."""
    return caching.cached("statement-settings", [caching.PUBLIC_SITE], StatementSettings.current)


def council_name(compact: Compact | None = None) -> str:
    """The council that runs the service, as the Compact's details name it ("the council" until an officer does)."""
    compact = compact if compact is not None else current_compact()
    return (compact.council_name if compact else "") or "the council"


@dataclass(frozen=True)
class PersonalData:
    """A kind of personal data the service holds: the fields that hold it, why, and who sees it."""

    title: str
    fields: tuple[str, ...]  # "app_label.Model.field"
    why: str
    seen_by: str


PERSONAL_DATA = (
    PersonalData(
        "Your login",
        (
            "auth.User.username",
            "auth.User.first_name",
            "auth.User.last_name",
            "auth.User.email",
            "auth.User.password",
            "auth.User.last_login",
            "auth.User.date_joined",
            "auth.User.groups",
            "auth.User.user_permissions",
            "sessions.Session.session_data",
            "otp_totp.TOTPDevice.user",
            "otp_totp.TOTPDevice.name",
            "otp_totp.TOTPDevice.key",
            "notifications.EmailPreference.user",
            "compact_site.Invitation.first_name",
            "compact_site.Invitation.last_name",
            "compact_site.Invitation.email",
            "compact_site.Invitation.invited_by",
            "compact_site.Invitation.user",
        ),
        "To invite you, let you sign in (your password is stored only as a hash, and your authenticator app's "
        "secret if you turn on two-step verification), know your role, and keep your choice of emails.",
        f"You, and {OFFICER}s (under People). Your name is shown to everyone signed in beside what you do.",
    ),
    PersonalData(
        "Compact Champions",
        (
            "signatories.Champion.name",
            "signatories.Champion.job_title",
            "signatories.Champion.email",
            "signatories.Champion.phone",
            "signatories.Champion.user",
            "signatories.Champion.support_needs",
            "signatories.Champion.training",
        ),
        "To keep the register of who champions the Compact in each organisation, so that partners can reach them, "
        "and to plan their support and training.",
        f"Everyone signed in ({OFFICER}s, {CHAMPION}s and {LSP_MEMBER}s) sees a champion's name, job title, email "
        f"and phone; only {OFFICER}s see their support needs, training and login. The public site and the open "
        "data never show them; a reporting tool reads champions' names only with a key an officer allowed to.",
    ),
    PersonalData(
        "People named in the register",
        (
            "signatories.Signature.signed_by_name",
            "signatories.Signature.signed_by_role",
            "signatories.Endorsement.name",
            "signatories.Endorsement.position",
            "signatories.Pledge.agreed_by",
            "compact_site.Recommendation.respond_by",
        ),
        "To record who signed the Compact for an organisation, which senior leaders and elected members endorse it, "
        "who agreed an organisation's resource pledge, and who must respond to a committee's recommendation.",
        "Everyone signed in (a pledge: officers, LSP members and its organisation's champions). The public site and "
        "the open data show organisations only, and, once officers publish the committees, who must respond to each "
        "recommendation.",
    ),
    PersonalData(
        "What you do in the service",
        (
            "wins.Win.recorded_by",
            "wins.Win.published_by",
            "wins.WinEvent.by",
            "wins.Concern.raised_by",
            "success_factors.Assessment.started_by",
            "success_factors.Assessment.submitted_by",
            "success_factors.Assessment.reopened_by",
            "success_factors.Action.owner_user",
            "success_factors.Action.owner_name",
            "success_factors.Action.created_by",
            "success_factors.ActionDigest.user",
            "success_factors.Round.opened_by",
            "success_factors.Round.closed_by",
            "success_factors.DeadlineExtension.granted_by",
            "success_factors.RoundNotice.sent_by",
            "commitments.Consultation.reported_by",
            "commitments.Consultation.verified_by",
            "commitments.Consultation.body_explained_by",
            "commitments.FundingDecision.reported_by",
            "commitments.FundingDecision.verified_by",
            "commitments.FundingDecision.body_explained_by",
            "commitments.Check.accepted_by",
            "compact_site.Report.created_by",
            "compact_site.Report.published_by",
            "compact_site.Report.emailed_by",
            "compact_site.ReportSent.sent_by",
            "compact_site.Recommendation.created_by",
            "compact_site.Recommendation.responded_by",
            "compact_site.ResponseDigest.user",
            "signatories.Pledge.recorded_by",
            "compact_site.ApiToken.created_by",
            "compact_site.ApiToken.revoked_by",
            "compact_site.PublicSiteSettings.updated_by",
            "compact_site.SecuritySettings.updated_by",
            "compact_site.StatementSettings.updated_by",
            "signatories.ImportRun.uploaded_by",
            "admin.LogEntry.user",
            "notifications.OutgoingMessage.retried_by",
        ),
        "To show who recorded, changed, published or owns each record, so the Compact's record can be trusted "
        "and questions go to the right person. Every change is kept in each record's history.",
        f"{OFFICER}s see all of it, with each record's history. Everyone signed in sees who recorded a win or "
        "owns an action. The public site never names anyone.",
    ),
    PersonalData(
        "Emails the service sends you",
        ("notifications.OutgoingMessage.to", "notifications.OutgoingMessage.user"),
        "To send invitations, password resets, reminders and the other emails you get, and to try again when "
        "sending fails.",
        f"{OFFICER}s, for emails that could not be sent.",
    ),
    PersonalData(
        "Sign-in attempts",
        (
            "axes.AccessAttempt.username",
            "axes.AccessAttempt.ip_address",
            "axes.AccessAttempt.user_agent",
            "axes.AccessLog.username",
            "axes.AccessLog.ip_address",
            "axes.AccessLog.user_agent",
            "axes.AccessFailureLog.username",
            "axes.AccessFailureLog.ip_address",
            "axes.AccessFailureLog.user_agent",
        ),
        "To stop anyone guessing passwords: signing in is paused after repeated failures from one address.",
        f"{OFFICER}s, who can lift a pause (under People, Sign-in lockouts).",
    ),
    PersonalData(
        "Representatives on partnership boards",
        (
            "representation.Term.holder_name",
            "representation.Term.holder",
            "representation.Term.name_is_public",
            "representation.Term.appointed_by",
            "representation.ReportBack.written_by",
            "representation.SeatsSummary.user",
        ),
        "To keep the record of who holds the sector's seats on partnership boards, for which organisation and "
        "until when, to remind representatives to report back, and to tell officers of terms ending.",
        f"{OFFICER}s and {LSP_MEMBER}s, the representative and the members of the network that nominated them. The "
        "public site shows a representative's name only if they agreed to it, and never their contact details.",
    ),
    PersonalData(
        "Problems you report",
        (
            "compact_site.ProblemReport.email",
            "compact_site.ProblemReport.address_hash",
        ),
        "To put right a problem you report with a page and, if you give an email address, to reply. We keep a "
        "one-way code made from your internet address, never the address itself, to stop floods of reports.",
        f"{OFFICER}s.",
    ),
)

# Fields whose names look personal but hold an organisation's or a role's details, or a thing's name.
NOT_PERSONAL = {
    "auth.Group.name": "a role's name",
    "auth.Permission.name": "a permission's name",
    "django_celery_beat.PeriodicTask.name": "a scheduled job's name",
    "jobs.JobRun.name": "a scheduled job's name",
    "signatories.Compact.name": "the Compact's name",
    "signatories.Compact.council_name": "the council's name",
    "signatories.Organisation.name": "an organisation's name",
    "signatories.Organisation.email": "an organisation's main email address",
    "signatories.Organisation.address": "an organisation's address",
    "signatories.Organisation.postcode": "an organisation's postcode",
    "signatories.ImportRun.file_name": "a spreadsheet's file name",
    "commitments.FundingDecision.name": "a grant's or contract's name",
    "compact_site.ApiToken.name": "what an API key is for",
    "commitments.Consultation.reported_by_organisation": "the organisation that reported it",
    "commitments.FundingDecision.reported_by_organisation": "the organisation that reported it",
    "wins.Concern.raised_by_organisation": "the organisation that raised it",
    "wins.Win.evidence_file_name": "the name of a win's evidence file",
    "compact_site.StatementSettings.audited_by": "the organisation that audited the service",
    "representation.Board.name": "a partnership board's name",
    "compact_site.Committee.name": "a committee's name",
    "representation.Board.run_by": "the statutory body that runs a board",
    "representation.Network.name": "a network's or forum's name",
    "representation.Term.nominated_by": "the network that nominated a representative",
    "compact_site.StatementSettings.contact_email": "the Compact team's shared mailbox",
    "compact_site.StatementSettings.contact_phone": "the Compact team's phone number",
    "compact_site.StatementSettings.contact_address": "the Compact team's postal address",
    "compact_site.StatementSettings.dpo_email": "the data protection officer's (a role's) mailbox",
    "compact_site.StatementSettings.dpo_address": "the data protection officer's postal address",
}

PERSONAL_NAME = re.compile(
    r"(^|_)(name|email|phone|mobile|address|postcode|ip|username|user_agent|job_title|position|support_needs|"
    r"training|birth|gender|ethnicity|by)(_|$)|^to$|session_data"
)


def _looks_personal(field: models.Field) -> bool:
    if field.is_relation and field.related_model is get_user_model():
        return True
    return bool(PERSONAL_NAME.search(field.name))


def personal_looking_fields(model_list: Iterable[type[models.Model]]) -> set[str]:
    """Every "app_label.Model.field" of ``model_list`` that looks personal. Historical copies (django-simple-history)
    are covered by the model they copy."""
    found = set()
    for model in model_list:
        if model.__name__.startswith("Historical"):
            continue
        for field in model._meta.get_fields():
            if field.concrete and _looks_personal(field):
                found.add(f"{model._meta.label}.{field.name}")
    return found


def covered_fields() -> set[str]:
    return {name for kind in PERSONAL_DATA for name in kind.fields}


def uncovered_personal_fields(model_list: Iterable[type[models.Model]] | None = None) -> list[str]:
    """Fields that look personal but that the privacy notice neither lists nor explains as not personal."""
    found = personal_looking_fields(apps.get_models() if model_list is None else model_list)
    return sorted(found - covered_fields() - set(NOT_PERSONAL))


def fields_that_do_not_exist() -> list[str]:
    """Fields the notice lists that no model has (renamed or removed): the notice must not describe them."""
    missing = []
    for name in covered_fields() | set(NOT_PERSONAL):
        label, field = name.rsplit(".", 1)
        try:
            apps.get_model(label)._meta.get_field(field)
        except LookupError:
            missing.append(name)
    return sorted(missing)


def _field_words(name: str) -> str:
    label, field = name.rsplit(".", 1)
    return str(apps.get_model(label)._meta.get_field(field).verbose_name)


def personal_data() -> list[dict]:
    """The notice's list: each kind of personal data with its fields in words, why it is held and who sees it."""
    rows = []
    for kind in PERSONAL_DATA:
        words: list[str] = []
        for name in kind.fields:
            word = _field_words(name)
            if word not in words:
                words.append(word)
        rows.append({"title": kind.title, "fields": words, "why": kind.why, "seen_by": kind.seen_by})
    return rows


def in_words(seconds: float) -> str:
    """A length of time in words: "8 hours", "7 days", "1 year"."""
    seconds = int(seconds)
    day = 24 * 60 * 60
    for size, unit in ((364 * day, "year"), (7 * day, "week"), (day, "day"), (3600, "hour"), (60, "minute")):
        if seconds >= size and (seconds % size == 0 or size >= 7 * day):
            count = round(seconds / (365 * day if unit == "year" else size))
            return f"{count} {unit}{'' if count == 1 else 's'}"
    return f"{seconds} seconds"


def cookies() -> list[dict[str, str]]:
    """Every cookie the service sets, with its purpose and expiry, from the settings that name and time them."""
    return [
        {
            "name": settings.SESSION_COOKIE_NAME,
            "purpose": "Keeps you signed in. Set when you sign in.",
            "expires": f"{in_words(settings.SESSION_COOKIE_AGE)} after your last visit, or when you sign out",
        },
        {
            "name": settings.CSRF_COOKIE_NAME,
            "purpose": "Stops other websites sending forms to this service in your name. Set on pages with a form.",
            "expires": "when you close your browser"
            if settings.CSRF_COOKIE_AGE is None
            else in_words(settings.CSRF_COOKIE_AGE),
        },
        {
            "name": CookieStorage.cookie_name,
            "purpose": "Shows you a message, such as “Your changes have been saved”, on the next page you see.",
            "expires": "as soon as the message has been shown, or when you close your browser",
        },
    ]


def retention(setting: StatementSettings) -> list[tuple[str, str]]:
    """How long each kind of personal data is kept, from the service's settings and the officers' own."""
    erase = f"{setting.erase_after_months} month{'' if setting.erase_after_months == 1 else 's'}"
    return [
        (
            "Your login, your champion record and your name on what you did",
            f"While you take part. A {OFFICER} erases them {erase} after you leave (stand down or stop signing "
            "in), unless they are needed for a report or a dispute. Wins, concerns, self-assessments and actions "
            "stay with your organisation, no longer naming you.",
        ),
        (
            "Invitations",
            f"The link works for {in_words(settings.INVITATION_VALID_DAYS * 24 * 60 * 60)}; the invitation is "
            "deleted when your personal data is erased.",
        ),
        ("Password reset links", f"Work for {in_words(settings.PASSWORD_RESET_TIMEOUT)}."),
        ("Signed-in sessions", f"End {in_words(settings.SESSION_COOKIE_AGE)} after your last visit."),
        (
            "Failed sign-in attempts",
            f"Signing in is paused for {in_words(settings.AXES_COOLOFF_TIME.total_seconds())}; the record is "
            "cleared when you next sign in, or when your personal data is erased.",
        ),
        ("Emails sent to you", "Until your personal data is erased."),
        ("Problems you report", f"{erase}, then deleted."),
        (
            "Backups of the whole service",
            f"{setting.backups_kept_months} month{'' if setting.backups_kept_months == 1 else 's'}: data erased "
            "from the service lasts in older backups until they are deleted.",
        ),
    ]


def lawful_basis_words(setting: StatementSettings) -> str:
    return str(LawfulBasis(setting.lawful_basis).label)


def security_contact() -> str:
    """security.txt's Contact: SECURITY_CONTACT, else the Compact team's email, else the contact page."""
    if settings.SECURITY_CONTACT:
        return settings.SECURITY_CONTACT
    email = statement_settings().contact_email
    if email:
        return f"mailto:{email}"
    return settings.SITE_URL.rstrip("/") + reverse("about:contact")


def security_txt(*, now: datetime.datetime | None = None) -> str:
    """``/.well-known/security.txt`` (RFC 9116): whom to tell about a vulnerability, valid for SECURITY_TXT_DAYS."""
    now = now or timezone.now()
    expires = (now + datetime.timedelta(days=SECURITY_TXT_DAYS)).astimezone(datetime.UTC).replace(microsecond=0)
    base = settings.SITE_URL.rstrip("/")
    lines = [
        f"Contact: {security_contact()}",
        f"Expires: {expires.strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: en",
        f"Canonical: {base}{reverse('about:security_txt')}",
    ]
    return "\n".join(lines) + "\n"
