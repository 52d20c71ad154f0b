from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone

from commitments import selectors as commitment_selectors
from notifications.selectors import not_sent_count
from representation import selectors as representation_selectors
from signatories import caching
from signatories.roles import (
    CHAMPION,
    LSP_MEMBER,
    OFFICER,
    READERS,
    REPRESENTATIVE,
    role_required,
    roles_of,
)
from signatories.selectors import champion_record_for, current_compact, register_summary
from success_factors.rounds.selectors import round_for_champion
from wins.selectors import returned_count, wins_waiting_count

from ..public.selectors import site_is_on
from ..public.views import public_home
from ..reporting import selectors as reporting_selectors
from ..reporting.committees import selectors as committee_selectors

FUNDING_ENDING_LISTED = 5
# What the officers' and LSP members' home pages count.
DASHBOARD_READS = [
    caching.COMPACT,
    caching.REGISTER,
    caching.SCORES,
    caching.ROUNDS,
    caching.FACTORS,
    caching.WINS,
    caching.CONCERNS,
    caching.COMMITMENTS,
    caching.REPORTS,
    caching.REPRESENTATION,
    caching.SCRUTINY,
]


def public_home_for_visitors(view):
    """At /, visitors who are not signed in see the public home page while the public site is on."""

    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated and site_is_on():
            return public_home(request)
        return view(request, *args, **kwargs)

    wrapped.allowed_roles = view.allowed_roles
    wrapped.__name__, wrapped.__doc__ = view.__name__, view.__doc__
    return wrapped


@public_home_for_visitors
@role_required(*READERS, REPRESENTATIVE)
def dashboard(request):
    """Officers' and LSP members' home pages are the same for everyone with the same roles on the same day: cached
    until what they count changes. A champion's shows their own organisation, worked out each time, and anyone who
    holds a seat for the sector sees the meetings waiting for their report-back."""
    roles = roles_of(request.user)
    compact = current_compact()
    if CHAMPION in roles:
        content = _content(request, roles, compact)
    else:
        key = f"dashboard:{getattr(compact, 'pk', None)}:{','.join(sorted(roles))}:{timezone.localdate()}"
        content = caching.cached_html(key, DASHBOARD_READS, lambda: _content(request, roles, compact))
    # Cached by the outbox itself, which invalidates it where it gives up on a message or tries one again.
    emails_not_sent = not_sent_count() if OFFICER in roles else 0
    # Only champions and representatives can hold a seat (``representation.selectors.holder_choices``).
    holds_seats = bool(roles & {CHAMPION, REPRESENTATIVE})
    waiting = representation_selectors.waiting_for(request.user, today=timezone.localdate()) if holds_seats else []
    context = {
        "compact": compact,
        "emails_not_sent": emails_not_sent,
        "content": content,
        "report_backs_waiting": waiting,
    }
    return render(request, "compact_site/dashboard.html", context)


def _content(request, roles, compact):
    context = {"compact": compact, "roles": roles}
    if roles & {OFFICER, LSP_MEMBER}:
        context["summary"] = register_summary(compact=compact)
    if OFFICER in roles:
        context["wins_waiting"] = wins_waiting_count(compact=compact)
        ending = commitment_selectors.funding_ending_without_notice(
            compact=compact, today=timezone.localdate(), counted=True
        )
        context["funding_ending"] = list(ending[:FUNDING_ENDING_LISTED])
        context["funding_ending_count"] = context["funding_ending"][0].total if context["funding_ending"] else 0
        context["seats"] = representation_selectors.seats_needing_attention(compact=compact, today=timezone.localdate())
        context["overdue_responses"] = committee_selectors.overdue_responses(
            compact=compact, today=timezone.localdate()
        )
    if CHAMPION in roles:
        context["champion_record"] = record = champion_record_for(request.user)
        context["round_status"] = round_for_champion(compact=compact, organisation=record and record.organisation)
        context["wins_returned"] = returned_count(request.user)
    context.update(reporting_selectors.dashboard_context(roles=roles, compact=compact))
    return render_to_string("compact_site/includes/dashboard_content.html", context, request=request)
