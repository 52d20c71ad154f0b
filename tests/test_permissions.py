"""The permission matrix: every URL of the project × anonymous / champion / LSP member / officer.

The test walks the URL conf, so a new URL without a row here fails. Each row says what each
kind of visitor gets on a GET: a page (200), refused (403), sent to the login page ("login"),
or redirected elsewhere ("redirect").
"""

import datetime
import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from commitments.models import Commitment
from compact_site.api import services as api_services
from compact_site.public import services as public_services
from compact_site.reporting import services as report_services
from compact_site.reporting.committees import services as committee_services
from signatories.models import ImportRun
from signatories.pledges import services as pledge_services
from success_factors.models import Factor, Indicator, Round, RoundStatus
from tests import factories
from tests.commitments import builders as commitment_builders
from tests.representation import factories as representation_factories
from tests.wins import factories as win_factories
from wins import services as win_services
from wins.concerns.models import Concern

LOGIN = "login"
REDIRECT = "redirect"
OK = 200
DENIED = 403
GONE = 404

#            anonymous  champion  lsp member  officer
READ_ALL = (LOGIN, OK, OK, OK)
OFFICERS_ONLY = (LOGIN, DENIED, DENIED, OK)
PUBLIC = (OK, OK, OK, OK)
SIGNED_IN = (LOGIN, OK, OK, OK)
# Self-assessments: officers see all; a champion only their own organisation's (the matrix's
# assessments belong to another organisation); LSP members read results, never single assessments.
ASSESSMENT_WORKERS = (LOGIN, OK, DENIED, OK)
OTHER_ORGANISATIONS_ASSESSMENT = (LOGIN, DENIED, DENIED, OK)
# Wins: champions and officers record them; a champion changes only their own (the matrix's are
# someone else's); everyone signed in reads published ones.
RECORDERS = (LOGIN, OK, DENIED, OK)
SOMEONE_ELSES_WIN = (LOGIN, DENIED, DENIED, OK)

# The read-only API answers with JSON, never a sign-in page: a signed-in session is no key (see
# tests/compact_site/api/test_access.py for every endpoint with a key, without one and with a revoked one).
NEEDS_API_KEY = (401, 401, 401, 401)

MATRIX = {
    # The matrix's public site is on, so visitors see the public home page at / (off: tests/compact_site/public)
    "dashboard": PUBLIC,
    # Accounts: Django's own views. Login sends signed-in people on to their home page.
    "login": (OK, REDIRECT, REDIRECT, REDIRECT),
    "logout": (405, 405, 405, 405),  # POST only: a link cannot sign anyone out
    "account": READ_ALL,  # "Your account": who is signed in, and their password, two-step, emails and sign out
    "password_change": SIGNED_IN,
    "password_change_done": SIGNED_IN,
    "password_reset": PUBLIC,
    "password_reset_done": PUBLIC,
    "password_reset_confirm": PUBLIC,  # an invalid link shows its own page
    "password_reset_complete": PUBLIC,
    # People and invitations
    "invitation_list": OFFICERS_ONLY,
    "invitation_create": OFFICERS_ONLY,
    "champion_invite": OFFICERS_ONLY,
    "invitation_accept": (GONE, GONE, GONE, GONE),
    "lockout_list": OFFICERS_ONLY,
    # Personal data: officers see, download and erase what is held about a person (never themselves)
    "person_data": OFFICERS_ONLY,
    "person_data_export": OFFICERS_ONLY,
    "person_erase": OFFICERS_ONLY,  # a confirmation page; erasing is a POST
    "champion_data": OFFICERS_ONLY,
    "champion_data_export": OFFICERS_ONLY,
    "champion_erase": OFFICERS_ONLY,
    "two_step_manage": READ_ALL,
    "two_step_setup": READ_ALL,
    "two_step_verify": (LOGIN, REDIRECT, REDIRECT, REDIRECT),  # nothing to verify: home
    "history": OFFICERS_ONLY,
    "history_restore": OFFICERS_ONLY,  # a confirmation page; restoring is a POST
    "lockout_clear": (
        LOGIN,
        DENIED,
        DENIED,
        405,
    ),  # POST only  # an unknown token; valid tokens are tested in test_invitations
    # The register
    "signatories:compact_detail": READ_ALL,
    "signatories:compact_edit": OFFICERS_ONLY,
    "signatories:organisation_list": READ_ALL,
    "signatories:organisation_detail": READ_ALL,
    "signatories:organisation_create": OFFICERS_ONLY,
    "signatories:organisation_kind": (LOGIN, DENIED, DENIED, REDIRECT),  # officers; nothing ticked: to the list
    "signatories:organisation_edit": OFFICERS_ONLY,
    "signatories:organisation_sign": OFFICERS_ONLY,
    "signatories:endorsement_create": OFFICERS_ONLY,
    "signatories:signature_withdraw": OFFICERS_ONLY,
    "signatories:champion_list": READ_ALL,
    "signatories:champion_detail": READ_ALL,
    "signatories:champion_create": OFFICERS_ONLY,
    "signatories:champion_edit": OFFICERS_ONLY,
    "signatories:champion_stand_down": OFFICERS_ONLY,
    # Importing and exporting the register: officers only. A preview is seen only by the officer who
    # uploaded the file (the matrix's upload is someone else's: "not found").
    "signatories:import_start": OFFICERS_ONLY,
    "signatories:import_upload": OFFICERS_ONLY,
    "signatories:import_template": OFFICERS_ONLY,
    "signatories:import_preview": (LOGIN, DENIED, DENIED, GONE),
    "signatories:import_columns": (LOGIN, DENIED, DENIED, 405),  # POST only
    "signatories:import_confirm": (LOGIN, DENIED, DENIED, 405),  # POST only
    "signatories:export": OFFICERS_ONLY,
    # The seven factors
    "success_factors:factor_list": READ_ALL,
    "success_factors:factor_detail": READ_ALL,
    "success_factors:indicator_create": OFFICERS_ONLY,
    "success_factors:indicator_retire": OFFICERS_ONLY,
    "success_factors:indicator_reinstate": OFFICERS_ONLY,
    "success_factors:indicator_delete": OFFICERS_ONLY,
    # Self-assessments
    "success_factors:assessment_list": ASSESSMENT_WORKERS,
    "success_factors:assessment_start": ASSESSMENT_WORKERS,
    "success_factors:assessment_detail": OTHER_ORGANISATIONS_ASSESSMENT,
    "success_factors:assessment_factor": OTHER_ORGANISATIONS_ASSESSMENT,
    "success_factors:assessment_review": OTHER_ORGANISATIONS_ASSESSMENT,
    "success_factors:assessment_submit": (LOGIN, DENIED, DENIED, 405),  # POST only, after the permission check
    "success_factors:assessment_reopen": OTHER_ORGANISATIONS_ASSESSMENT,
    "success_factors:assessment_compare": OTHER_ORGANISATIONS_ASSESSMENT,
    "success_factors:partnership": READ_ALL,
    # Self-assessment rounds: officers run them; a champion sees their own deadline on their home page;
    # LSP members read the response rate in the results and reports, not the organisation-by-organisation chase
    "success_factors:round_list": OFFICERS_ONLY,
    "success_factors:round_create": OFFICERS_ONLY,
    "success_factors:round_detail": OFFICERS_ONLY,
    "success_factors:round_edit": OFFICERS_ONLY,
    "success_factors:round_open": OFFICERS_ONLY,  # a planned round: the confirmation page; opening is a POST
    "success_factors:round_chase": OFFICERS_ONLY,  # an open round
    "success_factors:round_close": OFFICERS_ONLY,  # a confirmation page; closing is a POST
    "success_factors:round_extend": OFFICERS_ONLY,
    # The action plan: everyone reads; officers plan; owners update progress
    "success_factors:action_list": READ_ALL,
    "success_factors:action_detail": READ_ALL,
    "success_factors:action_create": OFFICERS_ONLY,
    "success_factors:action_edit": OFFICERS_ONLY,
    "success_factors:action_progress": OTHER_ORGANISATIONS_ASSESSMENT,  # the matrix's champion owns none
    # Wins: the library, recording, moderation and the induction pack
    "wins:library": READ_ALL,
    "wins:export": OFFICERS_ONLY,
    "wins:induction_pack": READ_ALL,
    "wins:induction_pack_pdf": READ_ALL,
    "wins:win_create": RECORDERS,
    "wins:my_wins": RECORDERS,
    "wins:win_detail": READ_ALL,  # a published win; drafts are tested in tests/wins
    "wins:win_evidence": READ_ALL,  # a published win's file
    "wins:win_edit": SOMEONE_ELSES_WIN,
    "wins:win_submit": (LOGIN, DENIED, DENIED, 405),  # POST only, after the permission check
    "wins:queue": OFFICERS_ONLY,
    "wins:win_publish": (LOGIN, DENIED, DENIED, 405),  # POST only
    "wins:win_return": OFFICERS_ONLY,
    # Concerns: champions raise and read their own; LSP members see counts and closed summaries only
    "wins:concern_list": READ_ALL,
    "wins:concern_create": (LOGIN, OK, DENIED, OK),
    "wins:concern_detail": (LOGIN, GONE, DENIED, OK),  # someone else's, no published summary
    "wins:concern_update": OFFICERS_ONLY,
    "wins:concern_action": OFFICERS_ONLY,
    # Commitments: everyone signed in reads verified records; officers record, verify and accept reasons;
    # champions of voluntary and community signatories report (the matrix's champion's organisation is one);
    # the statutory body's champion explains (the matrix's champion is not theirs)
    "commitments:overview": READ_ALL,
    "commitments:commitment_list": READ_ALL,
    "commitments:commitment_create": OFFICERS_ONLY,
    "commitments:commitment_edit": OFFICERS_ONLY,
    "commitments:check_accept": OFFICERS_ONLY,
    "commitments:consultation_list": READ_ALL,
    "commitments:consultation_create": RECORDERS,
    "commitments:consultation_detail": READ_ALL,  # a verified one; reported ones are tested in tests/commitments
    "commitments:consultation_edit": OFFICERS_ONLY,
    "commitments:consultation_verify": (LOGIN, DENIED, DENIED, 405),  # POST only
    "commitments:consultation_explain": OFFICERS_ONLY,
    "commitments:funding_list": READ_ALL,
    "commitments:funding_create": RECORDERS,
    # One answer (full cost recovery, say) for every funding decision of a grant programme
    "commitments:funding_set_for_many": OFFICERS_ONLY,
    "commitments:funding_detail": READ_ALL,
    "commitments:funding_edit": OFFICERS_ONLY,
    "commitments:funding_verify": (LOGIN, DENIED, DENIED, 405),
    "commitments:funding_explain": OFFICERS_ONLY,
    # Reports to the LSP: everyone signed in reads published ones (drafts are "not found" to all but
    # officers: tests/compact_site/reporting/test_reading.py); officers prepare, publish, correct and email them
    "reports:report_list": READ_ALL,
    "reports:report_detail": READ_ALL,  # a published report
    "reports:report_pdf": READ_ALL,
    "reports:report_csv": READ_ALL,
    "reports:report_create": OFFICERS_ONLY,
    "reports:report_edit": OFFICERS_ONLY,  # a draft
    "reports:report_period": OFFICERS_ONLY,
    "reports:report_publish": OFFICERS_ONLY,  # a confirmation page; publishing is a POST
    "reports:report_recount": (LOGIN, DENIED, DENIED, 405),  # POST only
    "reports:report_delete": OFFICERS_ONLY,
    "reports:report_correct": OFFICERS_ONLY,  # a published report
    "reports:report_email": OFFICERS_ONLY,
    # Emails: everyone chooses their own; officers see and resend what could not be sent; the one-click
    # unsubscribe needs no sign-in (an unknown token here; real ones are tested in tests/compact_site/emails)
    "emails:preferences": READ_ALL,
    "emails:not_sent": OFFICERS_ONLY,
    "emails:retry": (LOGIN, DENIED, DENIED, 405),  # POST only
    "emails:unsubscribe": (GONE, GONE, GONE, GONE),
    "jobs:job_list": OFFICERS_ONLY,
    "reports:report_public": (LOGIN, DENIED, DENIED, 405),  # POST only
    "wins:win_public": (LOGIN, DENIED, DENIED, 405),  # POST only
    # The public site (on in the matrix's world; off, its pages are "not found" to all but officers)
    "public:register": PUBLIC,
    "public:factors": PUBLIC,
    "public:win_list": PUBLIC,
    "public:win_detail": PUBLIC,  # a win shown on the public site; others are "not found"
    "public:report_list": PUBLIC,
    "public:report_detail": PUBLIC,  # a public report; others are "not found"
    "public:commitments": PUBLIC,  # while an officer publishes it (the matrix's does); otherwise "not found"
    "public:boards": PUBLIC,  # likewise
    "public:scrutiny": PUBLIC,  # likewise
    "public:open_data": PUBLIC,
    "public:register_csv": PUBLIC,
    "public:register_json": PUBLIC,
    "public:scores_csv": PUBLIC,
    "public:scores_json": PUBLIC,
    "public:sitemap": PUBLIC,
    "public:robots": PUBLIC,
    "public:settings": OFFICERS_ONLY,
    # What every public-sector service publishes: open to everyone whether the public site is on or not (the
    # footer of every page links to them); officers fill in their details and read the problems reported
    "about:accessibility": PUBLIC,
    "about:privacy": PUBLIC,
    "about:cookies": PUBLIC,
    "about:contact": PUBLIC,
    "about:security_txt": PUBLIC,
    "about:settings": OFFICERS_ONLY,
    "feedback:report": PUBLIC,
    "feedback:thanks": PUBLIC,
    "feedback:report_list": OFFICERS_ONLY,
    # The API: its documentation and schema are public; officers manage the keys
    "api_docs": PUBLIC,
    "api:openapi-json": PUBLIC,
    "api:api-root": (GONE, GONE, GONE, GONE),
    "api_not_found": (GONE, GONE, GONE, GONE),  # any other address under /api/: a JSON 404
    "api:organisations": NEEDS_API_KEY,
    "api:champions": NEEDS_API_KEY,
    "api:rounds": NEEDS_API_KEY,
    "api:wins": NEEDS_API_KEY,
    "api:actions": NEEDS_API_KEY,
    "api:reports": NEEDS_API_KEY,
    "api:commitments": NEEDS_API_KEY,
    "api:boards": NEEDS_API_KEY,
    "api:pledges": NEEDS_API_KEY,
    "api:recommendations": NEEDS_API_KEY,
    "api_tokens": OFFICERS_ONLY,
    "api_token_create": OFFICERS_ONLY,
    "api_token_revoke": OFFICERS_ONLY,  # a confirmation page; revoking is a POST
    # The sector's representation (success factor 5): everyone signed in reads the boards and networks; officers
    # change them; only a seat's holder (or an officer) writes its report-backs; a network's report-backs are read by
    # its members' champions, LSP members and officers (the matrix's champion's organisation is not a member)
    "representation:board_list": READ_ALL,
    "representation:board_create": OFFICERS_ONLY,
    "representation:board_detail": READ_ALL,
    "representation:board_edit": OFFICERS_ONLY,
    "representation:meeting_create": OFFICERS_ONLY,
    "representation:seat_detail": READ_ALL,
    "representation:seat_appoint": OFFICERS_ONLY,
    "representation:term_end": OFFICERS_ONLY,
    "representation:network_list": READ_ALL,
    "representation:network_create": OFFICERS_ONLY,
    "representation:network_detail": READ_ALL,
    "representation:network_edit": OFFICERS_ONLY,
    "representation:member_add": OFFICERS_ONLY,
    "representation:member_remove": OFFICERS_ONLY,
    "representation:report_back_list": READ_ALL,
    "representation:report_back_create": (LOGIN, DENIED, DENIED, OK),  # someone else's seat
    "representation:report_back_detail": (LOGIN, GONE, OK, OK),  # another network's
    # Resource pledges (success factor 6): everyone reads the summary; officers and LSP members read every pledge; a
    # champion records and keeps their own organisation's (the matrix's pledge is another organisation's)
    "pledges:pledge_summary": READ_ALL,
    "pledges:pledge_create": RECORDERS,
    "pledges:pledge_detail": (LOGIN, DENIED, OK, OK),
    "pledges:pledge_edit": OFFICERS_ONLY,
    # Committees (success factor 2): everyone who reads reports reads the committees and their recommendations;
    # officers keep them and send reports; the organisation that must respond (the matrix's is another) responds
    "committees:committee_list": READ_ALL,
    "committees:committee_create": OFFICERS_ONLY,
    "committees:committee_detail": READ_ALL,
    "committees:committee_edit": OFFICERS_ONLY,
    "committees:meeting_create": OFFICERS_ONLY,
    "committees:report_send": OFFICERS_ONLY,  # a published report
    "committees:recommendation_create": OFFICERS_ONLY,
    "committees:recommendation_list": READ_ALL,
    "committees:recommendation_detail": READ_ALL,
    "committees:recommendation_respond": OTHER_ORGANISATIONS_ASSESSMENT,
    "committees:recommendation_action": OFFICERS_ONLY,
}

# A representative who holds no other role (invited only to hold a seat): the representation pages, their home page,
# their emails and their own sign-in settings. Every other page refuses them; rows not listed here follow from
# MATRIX (``representative_expects``). The matrix's representative holds no seat, so writes no report-back.
REPRESENTATIVE_ONLY = {
    **{name: OK for name in MATRIX if name.startswith("representation:")},
    **{
        name: DENIED
        for name in MATRIX
        if name.startswith("representation:") and MATRIX[name][3] == OK and MATRIX[name][1] == DENIED
    },
    "representation:report_back_detail": GONE,
    "dashboard": OK,
    "account": OK,
    "emails:preferences": OK,
    "two_step_manage": OK,
    "two_step_setup": OK,
    "two_step_verify": REDIRECT,  # nothing to verify: home
    "password_change": OK,
    "password_change_done": OK,
}

MULTI_SELECT = re.compile(rb"<select\b[^>]*\smultiple(?=[\s>=/])", re.IGNORECASE)

# Django's admin is for technical staff only: none of the service's roles reaches it.
ADMIN_NAMESPACE = "admin"


def url_patterns(resolver=None, prefix="", namespace=None):
    """Every named pattern of the URL conf as (full name, route prefix, pattern)."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace or namespace
            if ns and namespace and entry.namespace:
                ns = f"{namespace}:{entry.namespace}"
            yield from url_patterns(entry, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace else entry.name
            yield name, prefix + str(entry.pattern), entry


def project_patterns():
    return [(name, route, p) for name, route, p in url_patterns() if not (name or "").startswith(ADMIN_NAMESPACE + ":")]


def factor_id(number):
    return Factor.objects.get(number=number).pk


@pytest.fixture
def world(db, compact, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    organisation = factories.OrganisationFactory(name="Riverside Trust")
    signature = factories.SignatureFactory(compact=compact, organisation=organisation)
    champion = factories.ChampionFactory(organisation=organisation)
    draft = factories.AssessmentFactory(compact=compact, organisation=organisation, round="2026/27")
    submitted = factories.AssessmentFactory(
        compact=compact, organisation=organisation, round="2025/26", status="submitted", submitted_at=timezone.now()
    )
    action = factories.ActionFactory(compact=compact, owner_organisation=organisation)
    open_round = Round.objects.create(
        compact=compact,
        year="2026/27",
        opens_on=datetime.date(2026, 5, 1),
        deadline=datetime.date(2026, 6, 30),
        status=RoundStatus.OPEN,
    )
    planned_round = Round.objects.create(
        compact=compact, year="2027/28", opens_on=datetime.date(2027, 5, 1), deadline=datetime.date(2027, 6, 30)
    )
    published_win = win_factories.WinFactory(compact=compact, evidence_file=win_factories.upload())
    draft_win = win_factories.draft(compact=compact, recorded_by=factories.champion_user(username="win-recorder"))
    submitted_win = win_factories.submitted(compact=compact)
    concern = Concern.objects.create(compact=compact, title="Short notice of grant decisions", factor_id=factor_id(2))
    records_officer = factories.officer(username="records-officer")
    body = commitment_builders.statutory_body()
    factories.SignatureFactory(compact=compact, organisation=body)
    short_consultation = commitment_builders.consultation(compact=compact, by=records_officer, body=body, weeks=4)
    one_year_grant = commitment_builders.funding(
        compact=compact, by=records_officer, body=body, ends_on=datetime.date(2027, 3, 31)
    )
    report_officer = factories.officer(username="report-officer")
    draft_report = report_services.create_report(
        compact=compact, start=datetime.date(2026, 4, 1), end=datetime.date(2026, 6, 30), by=report_officer
    )
    published_report = report_services.create_report(
        compact=compact, start=datetime.date(2026, 1, 1), end=datetime.date(2026, 3, 31), by=report_officer
    )
    published_report.summary = "A quiet quarter."
    published_report.save()
    published_report = report_services.publish_report(report=published_report, by=report_officer)
    upload = ImportRun.objects.create(
        kind="organisations",
        file_name="register.csv",
        table={"headings": ["Name"], "rows": [[2, False, ["A"]]]},
        uploaded_by=report_officer,
    )
    report_services.make_public(report=published_report, by=report_officer)
    win_services.show_on_public_site(win=published_win, by=report_officer)
    public_services.update_site_settings(
        by=report_officer,
        is_on=True,
        publish_scores=True,
        publish_commitments=True,
        publish_representation=True,
        publish_scrutiny=True,
    )
    token, _ = api_services.create_token(name="Matrix", by=report_officer)
    return {
        "signatories:import_upload": {"kind": "organisations"},
        "signatories:import_template": {"kind": "organisations", "file_format": "xlsx"},
        "signatories:import_preview": {"public_id": upload.public_id},
        "signatories:import_columns": {"public_id": upload.public_id},
        "signatories:import_confirm": {"public_id": upload.public_id},
        "signatories:export": {"kind": "organisations", "file_format": "csv"},
        "wins:win_public": {"pk": published_win.pk},
        "reports:report_public": {"pk": published_report.pk},
        "public:win_detail": {"pk": published_win.pk},
        "public:report_detail": {"pk": published_report.pk},
        "api_token_revoke": {"pk": token.pk},
        "api_not_found": {"rest": "v1/unknown"},
        "success_factors:factor_detail": {"number": 3},
        "success_factors:indicator_create": {"number": 3},
        "success_factors:indicator_retire": {"pk": Indicator.objects.first().pk},
        "success_factors:indicator_reinstate": {"pk": Indicator.objects.first().pk},
        "success_factors:indicator_delete": {"pk": Indicator.objects.first().pk},
        "success_factors:assessment_detail": {"pk": draft.pk},
        "success_factors:assessment_factor": {"pk": draft.pk, "number": 1},
        "success_factors:assessment_review": {"pk": draft.pk},
        "success_factors:assessment_submit": {"pk": draft.pk},
        "success_factors:assessment_reopen": {"pk": submitted.pk},
        "success_factors:assessment_compare": {"pk": submitted.pk},
        "success_factors:round_detail": {"pk": open_round.pk},
        "success_factors:round_edit": {"pk": planned_round.pk},
        "success_factors:round_open": {"pk": planned_round.pk},
        "success_factors:round_chase": {"pk": open_round.pk},
        "success_factors:round_close": {"pk": open_round.pk},
        "success_factors:round_extend": {"pk": open_round.pk, "organisation_pk": organisation.pk},
        "success_factors:action_detail": {"pk": action.pk},
        "success_factors:action_edit": {"pk": action.pk},
        "success_factors:action_progress": {"pk": action.pk},
        "signatories:organisation_detail": {"pk": organisation.pk},
        "signatories:organisation_edit": {"pk": organisation.pk},
        "signatories:organisation_sign": {"pk": organisation.pk},
        "signatories:endorsement_create": {"pk": organisation.pk},
        "signatories:signature_withdraw": {"pk": signature.pk},
        "signatories:champion_detail": {"pk": champion.pk},
        "signatories:champion_edit": {"pk": champion.pk},
        "signatories:champion_stand_down": {"pk": champion.pk},
        "person_data": {"pk": report_officer.pk},
        "person_data_export": {"pk": report_officer.pk},
        "person_erase": {"pk": report_officer.pk},
        "champion_data": {"pk": champion.pk},
        "champion_data_export": {"pk": champion.pk},
        "champion_erase": {"pk": champion.pk},
        "password_reset_confirm": {"uidb64": "MQ", "token": "set-password"},
        "reports:report_detail": {"pk": published_report.pk},
        "reports:report_pdf": {"pk": published_report.pk},
        "reports:report_csv": {"pk": published_report.pk},
        "reports:report_edit": {"pk": draft_report.pk},
        "reports:report_period": {"pk": draft_report.pk},
        "reports:report_publish": {"pk": draft_report.pk},
        "reports:report_recount": {"pk": draft_report.pk},
        "reports:report_delete": {"pk": draft_report.pk},
        "reports:report_correct": {"pk": published_report.pk},
        "reports:report_email": {"pk": published_report.pk},
        "lockout_clear": {"pk": 1},
        "history": {"kind": "organisation", "pk": organisation.pk},
        "history_restore": {
            "kind": "organisation",
            "pk": organisation.pk,
            "history_id": organisation.history.first().history_id,
        },
        "wins:concern_detail": {"pk": concern.pk},
        "commitments:commitment_edit": {"pk": Commitment.objects.first().pk},
        "commitments:check_accept": {"pk": short_consultation.checks.first().pk},
        **{
            f"commitments:consultation_{view}": {"pk": short_consultation.pk}
            for view in ("detail", "edit", "verify", "explain")
        },
        **{
            f"commitments:funding_{view}": {"pk": one_year_grant.pk} for view in ("detail", "edit", "verify", "explain")
        },
        "wins:concern_update": {"pk": concern.pk},
        "wins:concern_action": {"pk": concern.pk},
        "invitation_accept": {"token": "not-a-real-token"},
        "emails:retry": {"pk": 1},
        "emails:unsubscribe": {"token": "not-a-real-token"},
        "wins:win_detail": {"pk": published_win.pk},
        "wins:win_evidence": {"pk": published_win.pk},
        "wins:win_edit": {"pk": draft_win.pk},
        "wins:win_submit": {"pk": draft_win.pk},
        "wins:win_publish": {"pk": submitted_win.pk},
        "wins:win_return": {"pk": submitted_win.pk},
        **representation_world(compact, records_officer),
        **pledge_world(compact, organisation, records_officer),
        **committee_world(compact, published_report, organisation, report_officer),
    }


def committee_world(compact, report, organisation, by):
    """A scrutiny committee with a meeting the published report went to, and its recommendation, which another
    organisation must answer."""
    committee = committee_services.save_committee(by=by, compact=compact, name="Scrutiny", kind="scrutiny")
    meeting = committee_services.add_meeting(by=by, committee=committee, held_on=datetime.date(2026, 5, 1))
    committee_services.send_report(by=by, report=report, meeting=meeting)
    made = committee_services.record_recommendation(
        by=by,
        report=report,
        committee=committee,
        text="Report twice a year",
        made_on=datetime.date(2026, 5, 1),
        respond_by="Leader",
        responder_organisation=organisation,
        response_due_on=datetime.date(2026, 6, 1),
    )
    return {
        **{f"committees:committee_{view}": {"pk": committee.pk} for view in ("detail", "edit")},
        "committees:meeting_create": {"pk": committee.pk},
        "committees:report_send": {"pk": report.pk},
        "committees:recommendation_create": {"pk": report.pk},
        **{f"committees:recommendation_{view}": {"pk": made.pk} for view in ("detail", "respond", "action")},
    }


def pledge_world(compact, organisation, by):
    """Another organisation's pledge for this financial year."""
    pledge = pledge_services.save_pledge(
        by=by, compact=compact, organisation=organisation, year=2026, agreed_by="Its board", roles=[("Lead", 4)]
    )
    return {f"pledges:pledge_{view}": {"pk": pledge.pk} for view in ("detail", "edit")}


def representation_world(compact, by):
    """A board with a seat held by someone else (a representative of another network), a meeting and their
    report-back."""
    term = representation_factories.TermFactory(
        seat__board__compact=compact, holder=factories.representative(username="seat-holder")
    )
    meeting = representation_factories.MeetingFactory(board=term.seat.board, held_on=datetime.date(2025, 6, 1))
    report_back = representation_factories.ReportBackFactory(term=term, meeting=meeting)
    board, seat, network = term.seat.board, term.seat, term.nominated_by
    return {
        **{f"representation:board_{view}": {"pk": board.pk} for view in ("detail", "edit")},
        "representation:meeting_create": {"pk": board.pk},
        **{f"representation:seat_{view}": {"pk": seat.pk} for view in ("detail", "appoint")},
        "representation:term_end": {"pk": term.pk},
        **{f"representation:network_{view}": {"pk": network.pk} for view in ("detail", "edit")},
        "representation:member_add": {"pk": network.pk},
        "representation:member_remove": {
            "pk": representation_factories.MembershipFactory(network=network, organisation=term.organisation).pk
        },
        "representation:report_back_create": {"term_pk": term.pk, "meeting_pk": meeting.pk},
        "representation:report_back_detail": {"pk": report_back.pk},
    }


def test_every_url_has_a_row_in_the_matrix():
    names = {name for name, _, _ in project_patterns()}
    assert None not in names, "every URL pattern needs a name so the matrix can list it"
    missing = names - set(MATRIX)
    stale = set(MATRIX) - names
    assert not missing, f"URLs without a row in the permission matrix: {sorted(missing)}"
    assert not stale, f"rows for URLs that no longer exist: {sorted(stale)}"


def test_every_view_declares_who_may_see_it():
    undeclared = [name for name, _, p in project_patterns() if not hasattr(p.callback, "allowed_roles")]
    assert not undeclared, f"views without role_required or public: {undeclared}"


def visitors():
    return [
        ("anonymous", lambda: None),
        ("champion", lambda: factories.champion_user(username="matrix-champion")),
        ("lsp member", lambda: factories.lsp_member(username="matrix-lsp")),
        ("officer", lambda: factories.officer(username="matrix-officer")),
    ]


@pytest.mark.parametrize("column,visitor", list(enumerate(visitors())), ids=[v[0] for v in visitors()])
def test_matrix(column, visitor, world, client):
    from django.urls import reverse

    who, make_user = visitor
    user = make_user()
    if user is not None:
        client.force_login(user)
    failures = []
    for name in sorted(MATRIX):
        expected = MATRIX[name][column]
        url = reverse(name, kwargs=world.get(name, {}))
        response = client.get(url)
        if expected == LOGIN:
            ok = response.status_code == 302 and response["Location"].startswith("/accounts/login/")
        elif expected == REDIRECT:
            ok = response.status_code == 302 and not response["Location"].startswith("/accounts/login/")
        else:
            ok = response.status_code == expected
        if not ok:
            where = response.get("Location", "")
            failures.append(f"{name} ({url}) as {who}: expected {expected}, got {response.status_code} {where}")
        # While every page is open anyway: none offers Django's "---------" placeholder as a choice, and none
        # has a multi-select list box (Ctrl-click): several organisations are chosen by typing (issue #17).
        if response.status_code == 200 and "text/html" in response["Content-Type"]:
            if b"---------" in response.content:
                failures.append(f"{name} ({url}) as {who}: offers a '---------' choice")
            if MULTI_SELECT.search(response.content):
                failures.append(f"{name} ({url}) as {who}: has a <select multiple> list box")
    assert not failures, "\n".join(failures)


def representative_expects(name):
    """What a representative who is nothing else gets: as listed, or else refused wherever a signed-in role is
    needed, and what a champion gets on the pages anyone may open."""
    if name in REPRESENTATIVE_ONLY:
        return REPRESENTATIVE_ONLY[name]
    anonymous, champion, _, _ = MATRIX[name]
    return DENIED if anonymous == LOGIN else champion


def test_the_representative_column(world, client):
    client.force_login(factories.representative(username="matrix-representative"))
    failures = []
    for name in sorted(MATRIX):
        expected = representative_expects(name)
        url = reverse(name, kwargs=world.get(name, {}))
        response = client.get(url)
        if expected == REDIRECT:
            ok = response.status_code == 302 and not response["Location"].startswith("/accounts/login/")
        else:
            ok = response.status_code == expected
        if not ok:
            failures.append(f"{name} ({url}): expected {expected}, got {response.status_code}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("make_user", [lambda: None] + [v[1] for v in visitors()[1:]])
def test_admin_is_for_technical_staff_only(make_user, db, client):
    user = make_user()
    if user is not None:
        client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
