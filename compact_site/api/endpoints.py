"""The read-only JSON API (django-ninja): every endpoint needs a token, sent as ``Authorization: Bearer <key>``.

Errors are JSON ``{"error", "message", "details"}``: 400 for a bad parameter (never 500), 401 without a valid
token, 404 (before a Compact is set up, and for an unknown address: ``urls``), 405 for a method other than GET
and HEAD (``urls``), and 429 with ``Retry-After`` over the token's rate limit. Lists page by cursor (``paging``) and
filter by date. A token in the address is never accepted, so keys do not end up in access logs.
"""

from django.http import Http404
from django.utils import timezone
from ninja import NinjaAPI, Query
from ninja.errors import AuthenticationError, ValidationError
from ninja.security import HttpBearer

from commitments.selectors import Period, twelve_months_to
from representation.selectors import boards_with_seats
from signatories.pledges.selectors import pledge_totals
from signatories.selectors import current_compact

from . import limits, paging, selectors, services
from .schemas import (
    ActionPage,
    BoardPage,
    ChampionsPage,
    CommitmentsAnswer,
    Error,
    ListParams,
    OrganisationPage,
    PageParams,
    PeriodParams,
    PledgePage,
    RecommendationPage,
    ReportListParams,
    ReportPage,
    RoundPage,
    WinPage,
)

DESCRIPTION = (
    "Read-only figures of the Local Compact for reporting tools (Power BI, Excel). Ask a Compact officer for a "
    "key and send it as `Authorization: Bearer <key>`. Each key may make 60 requests a minute unless the officer "
    "set another limit. Lists return `results` and `next_cursor`: pass it as `cursor` for the next page."
)


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        api_token = selectors.token_for(token)
        if api_token is None:
            return None
        limits.check(api_token)
        services.note_use(api_token)
        return api_token


api = NinjaAPI(
    title="Local Compact API",
    version="1",
    description=DESCRIPTION,
    auth=TokenAuth(),
    urls_namespace="api",
    docs_url=None,
    openapi_url="/openapi.json",
)

ERRORS = {400: Error, 401: Error, 429: Error}
NO_COMPACT = "No Compact has been set up yet: a Compact officer sets it up first."
# The lists of a Compact answer 404 until one is set up.
COMPACT_ERRORS = {**ERRORS, 404: Error}
NO_COMPACT_DOCUMENTED = {
    "responses": {
        404: {
            "description": f"Not found: {NO_COMPACT}",
            "content": {
                "application/json": {
                    "example": {"error": "not_found", "message": NO_COMPACT, "details": []},
                }
            },
        }
    }
}


class NoCompact(Exception):
    """No Compact has been set up: the lists that belong to one have nothing to give."""


def error_body(kind: str, message: str, details=()) -> dict:
    return {"error": kind, "message": message, "details": list(details)}


def _error(request, status, kind, message, details=()):
    return api.create_response(request, error_body(kind, message, details), status=status)


@api.exception_handler(ValidationError)
def bad_parameters(request, exc):
    details = [
        {
            "parameter": ".".join(str(part) for part in error.get("loc", ())[1:] or error.get("loc", ())),
            "message": error.get("msg", "").removeprefix("Value error, "),
        }
        for error in exc.errors
    ]
    names = ", ".join(detail["parameter"] for detail in details)
    return _error(request, 400, "bad_request", f"Check these parameters: {names}", details)


@api.exception_handler(paging.BadParameter)
def bad_parameter(request, exc):
    return _error(request, 400, "bad_request", str(exc), [{"parameter": exc.parameter, "message": str(exc)}])


@api.exception_handler(AuthenticationError)
def unauthorised(request, exc):
    response = _error(
        request,
        401,
        "unauthorised",
        "Send a valid API key in the Authorization header: 'Authorization: Bearer <key>'. "
        "Ask a Compact officer for a key; revoked keys no longer work.",
    )
    response["WWW-Authenticate"] = 'Bearer realm="api"'
    return response


@api.exception_handler(limits.RateLimited)
def rate_limited(request, exc):
    response = _error(request, 429, "rate_limited", str(exc))
    response["Retry-After"] = str(exc.retry_after)
    return response


@api.exception_handler(Http404)
def not_found(request, exc):
    return _error(request, 404, "not_found", "There is nothing at this address.")


@api.exception_handler(NoCompact)
def no_compact(request, exc):
    return _error(request, 404, "not_found", NO_COMPACT)


def _compact():
    compact = current_compact()
    if compact is None:
        raise NoCompact
    return compact


def _only(request, params_class=None):
    """Refuse a parameter the operation does not take: a misspelt one (``date_form``) would otherwise be ignored."""
    taken = list(params_class.model_fields) if params_class else []
    unknown = sorted(set(request.GET) - set(taken))
    if unknown:
        takes = ", ".join(taken) if taken else "no parameters"
        raise paging.BadParameter(unknown[0], f"Unknown parameter {unknown[0]!r}: this list takes {takes}")


def _check_dates(params):
    if params.date_from and params.date_to and params.date_from > params.date_to:
        raise paging.BadParameter("date_to", "date_to must be the same as or after date_from")


@api.get(
    "/organisations",
    response={200: OrganisationPage, **COMPACT_ERRORS},
    openapi_extra=NO_COMPACT_DOCUMENTED,
    url_name="organisations",
    summary="Organisations and whether they have signed",
    description="Every organisation on the register with its latest signature of the Compact. "
    "date_from and date_to filter on the date it signed.",
)
def organisations(request, params: Query[ListParams]):
    _only(request, ListParams)
    _check_dates(params)
    rows, cursor = paging.page(
        selectors.organisations(compact=_compact(), date_from=params.date_from, date_to=params.date_to),
        cursor=params.cursor,
        limit=params.limit,
    )
    results = []
    for organisation in rows:
        signed, withdrawn = organisation.latest_signed_on, organisation.latest_withdrawn_on
        status = "not_signed" if signed is None else ("withdrawn" if withdrawn else "signed")
        results.append(
            {
                "id": organisation.pk,
                "name": organisation.name,
                "sector": organisation.sector,
                "kind": organisation.kind,
                "charity_number": organisation.charity_number,
                "company_number": organisation.company_number,
                "website": organisation.website,
                "signature": {"status": status, "signed_on": signed, "withdrawn_on": withdrawn},
            }
        )
    return {"results": results, "next_cursor": cursor}


@api.get(
    "/champions",
    response={200: ChampionsPage, **ERRORS},
    url_name="champions",
    summary="Active champions in each organisation",
    description="How many active Compact Champions each organisation has. Their names only for a key allowed "
    "to see them; never their contact details.",
)
def champions(request, params: Query[PageParams]):
    _only(request, PageParams)
    with_names = request.auth.can_see_names
    rows, cursor = paging.page(
        selectors.champion_counts(with_names=with_names), cursor=params.cursor, limit=params.limit
    )
    results = [
        {
            "organisation_id": organisation.pk,
            "organisation_name": organisation.name,
            "active_champions": organisation.active_champions,
            "names": [champion.name for champion in organisation.active_list] if with_names else None,
        }
        for organisation in rows
    ]
    return {"results": results, "next_cursor": cursor}


@api.get(
    "/boards",
    response={200: BoardPage, **COMPACT_ERRORS},
    openapi_extra=NO_COMPACT_DOCUMENTED,
    url_name="boards",
    summary="Partnership boards and the sector's seats on them",
    description="Each board with seats for the voluntary and community sector, and each seat today: vacant (since "
    "when) or held, for which organisation, nominated by which network, and the term. Holders' names only for a key "
    "allowed to see names; never contact details. Every board on one page: it takes no parameters.",
)
def boards(request):
    _only(request)
    with_names = request.auth.can_see_names
    results = [
        {
            "id": item.board.pk,
            "name": item.board.name,
            "run_by": item.board.run_by.name,
            "meets": item.board.get_meets_display(),
            "seats": [
                {
                    "number": row.seat.number,
                    "vacant": row.term is None,
                    "vacant_since": row.vacant_since,
                    "network": row.term.nominated_by.name if row.term else None,
                    "organisation": row.term.organisation.name if row.term else None,
                    "term_starts_on": row.term.starts_on if row.term else None,
                    "term_ends_on": row.term.last_day if row.term else None,
                    "name": row.term.holder_name if row.term and with_names else None,
                }
                for row in item.rows
            ],
        }
        for item in boards_with_seats(compact=_compact(), today=timezone.localdate())
    ]
    return {"results": results, "next_cursor": None}


@api.get(
    "/rounds",
    response={200: RoundPage, **COMPACT_ERRORS},
    openapi_extra=NO_COMPACT_DOCUMENTED,
    url_name="rounds",
    summary="Self-assessment rounds with the partnership score per factor",
    description="Each round's partnership score on the seven factors (the mean of the organisations' scores "
    "in their submitted self-assessments), oldest round first. Single assessments are never given.",
)
def rounds(request):
    _only(request)
    return {"results": selectors.rounds(compact=_compact()), "next_cursor": None}


@api.get(
    "/wins",
    response={200: WinPage, **COMPACT_ERRORS},
    openapi_extra=NO_COMPACT_DOCUMENTED,
    url_name="wins",
    summary="Published wins",
    description="Wins an officer has published. date_from and date_to filter on the date the win happened.",
)
def wins(request, params: Query[ListParams]):
    _only(request, ListParams)
    _check_dates(params)
    rows, cursor = paging.page(
        selectors.published_wins(compact=_compact(), date_from=params.date_from, date_to=params.date_to),
        cursor=params.cursor,
        limit=params.limit,
    )
    results = [
        {
            "id": win.pk,
            "title": win.title,
            "what_happened": win.what_happened,
            "difference_made": win.difference_made,
            "happened_on": win.happened_on,
            "published_at": win.published_at,
            "factors": sorted(factor.number for factor in win.factors.all()),
            "organisations": [{"id": o.pk, "name": o.name} for o in win.organisations.all()],
            "is_quick_win": win.is_quick_win,
            "people_reached": win.people_reached,
            "evidence_link": win.evidence_link,
            "shown_on_public_site": win.show_on_public_site,
        }
        for win in rows
    ]
    return {"results": results, "next_cursor": cursor}


@api.get(
    "/actions",
    response={200: ActionPage, **COMPACT_ERRORS},
    openapi_extra=NO_COMPACT_DOCUMENTED,
    url_name="actions",
    summary="The action plan",
    description="Improvement actions on the seven factors. Owners are given as organisations only. "
    "date_from and date_to filter on the due date.",
)
def actions(request, params: Query[ListParams]):
    _only(request, ListParams)
    _check_dates(params)
    rows, cursor = paging.page(
        selectors.actions(compact=_compact(), date_from=params.date_from, date_to=params.date_to),
        cursor=params.cursor,
        limit=params.limit,
    )
    results = [
        {
            "id": action.pk,
            "factor_number": action.factor.number,
            "description": action.description,
            "owner_organisation": (
                {"id": action.owner_organisation.pk, "name": action.owner_organisation.name}
                if action.owner_organisation
                else None
            ),
            "due_on": action.due_on,
            "status": action.status,
            "overdue": action.is_overdue,
        }
        for action in rows
    ]
    return {"results": results, "next_cursor": cursor}


@api.get(
    "/reports",
    response={200: ReportPage, **COMPACT_ERRORS},
    openapi_extra=NO_COMPACT_DOCUMENTED,
    url_name="reports",
    summary="Published reports to the LSP, with their frozen figures",
    description="Published reports (and superseded ones, which a correction replaced) with every figure as "
    "the board saw it. Drafts are never given. date_from and date_to filter on the period's end.",
)
def reports(request, params: Query[ReportListParams]):
    _only(request, ReportListParams)
    _check_dates(params)
    rows, cursor = paging.page(
        selectors.published_reports(compact=_compact(), date_from=params.date_from, date_to=params.date_to),
        cursor=params.cursor,
        limit=params.limit,
    )
    results = [
        {
            "id": report.pk,
            "title": report.title,
            "period_start": report.period_start,
            "period_end": report.period_end,
            "status": report.status,
            "published_at": report.published_at,
            "supersedes": report.supersedes_id,
            "shown_on_public_site": report.is_public,
            "commentary": report.frozen_commentary or {},
            "figures": selectors.report_figures(report),
            "highlighted_wins": [{"id": win["id"], "title": win["title"]} for win in report.frozen_highlights or []],
        }
        for report in rows
    ]
    return {"results": results, "next_cursor": cursor}


def _commitment_periods(params):
    """The period asked for (``date_to`` defaults to today, ``date_from`` to 12 months before it) and the one of the
    same length just before it."""
    _check_dates(params)
    end = params.date_to or timezone.localdate()
    if params.date_from and params.date_from > end:
        raise paging.BadParameter("date_from", "date_from must be on or before date_to, which is today when left out")
    try:
        period = Period("asked", "", params.date_from or twelve_months_to(end).start, end)
        return {"current": (period.start, period.end), "previous": period.previous}
    except (OverflowError, ValueError) as error:  # a date in the calendar's first year or so
        parameter = "date_from" if params.date_from else "date_to"
        raise paging.BadParameter(
            parameter, f"{parameter} is too early: the period before it would begin before the calendar does"
        ) from error


@api.get(
    "/commitments",
    response={200: CommitmentsAnswer, **COMPACT_ERRORS},
    openapi_extra=NO_COMPACT_DOCUMENTED,
    url_name="commitments",
    summary="How consultations and funding decisions keep the Compact's commitments",
    description="Each of the Compact's commitments (12-week consultations, three months' notice of ending "
    "funding…) with the results of checking the statutory bodies' verified consultations and funding "
    "decisions against it: in the period from date_from to date_to (by default the 12 months to "
    "today) and in the period of the same length just before it. bodies gives each statutory "
    "body's results, every commitment together. Records waiting for an officer to verify them are "
    "never counted, and no record or person is named.",
)
def commitments(request, params: Query[PeriodParams]):
    _only(request, PeriodParams)
    return selectors.commitments(compact=_compact(), periods=_commitment_periods(params))


@api.get(
    "/pledges",
    response={200: PledgePage, **COMPACT_ERRORS},
    openapi_extra=NO_COMPACT_DOCUMENTED,
    url_name="pledges",
    summary="Resource pledges: totals per organisation and financial year",
    description="What each signatory pledged to the Compact for each financial year, as totals: hours a month of its "
    "named roles, money, how many roles, and whether it gives help in kind. Newest year first within a page.",
)
def pledges(request, params: Query[PageParams]):
    _only(request, PageParams)
    rows, cursor = paging.page(pledge_totals(compact=_compact()), cursor=params.cursor, limit=params.limit)
    results = [
        {
            "id": pledge.pk,
            "organisation": {"id": pledge.organisation.pk, "name": pledge.organisation.name},
            "sector": pledge.organisation.sector,
            "year": pledge.year_label,
            "hours_per_month": float(pledge.hours_per_month),
            "money": float(pledge.money),
            "roles": pledge.role_count,
            "in_kind": bool(pledge.in_kind),
        }
        for pledge in rows
    ]
    return {"results": results, "next_cursor": cursor}


@api.get(
    "/recommendations",
    response={200: RecommendationPage, **COMPACT_ERRORS},
    openapi_extra=NO_COMPACT_DOCUMENTED,
    url_name="recommendations",
    summary="Committees' recommendations and the responses",
    description="Each recommendation the LSP, scrutiny or another committee made about a report, who must respond "
    "by when, and the response. Nobody is named but the post and organisation that must respond. date_from and "
    "date_to filter on the date it was made.",
)
def recommendations(request, params: Query[ListParams]):
    _only(request, ListParams)
    _check_dates(params)
    rows, cursor = paging.page(
        selectors.recommendations(compact=_compact(), date_from=params.date_from, date_to=params.date_to),
        cursor=params.cursor,
        limit=params.limit,
    )
    today = timezone.localdate()
    results = [
        {
            "id": item.pk,
            "committee": {"id": item.committee.pk, "name": item.committee.name, "kind": item.committee.kind},
            "report_id": item.report_id,
            "text": item.text,
            "made_on": item.made_on,
            "respond_by": item.respond_by,
            "responder_organisation": {"id": item.responder_organisation.pk, "name": item.responder_organisation.name},
            "response_due_on": item.response_due_on,
            "response": item.response or None,
            "response_text": item.response_text,
            "responded_on": item.responded_on,
            "overdue": not item.response and item.response_due_on < today,
            "action_id": item.action_id,
        }
        for item in rows
    ]
    return {"results": results, "next_cursor": cursor}
