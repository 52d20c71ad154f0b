from django.shortcuts import render

from notifications.selectors import not_sent_count
from signatories.roles import (
    CHAMPION,
    LSP_MEMBER,
    OFFICER,
    READERS,
    role_required,
    roles_of,
)
from signatories.selectors import champion_record_for, current_compact, register_summary
from success_factors.rounds.selectors import round_for_champion
from wins.selectors import returned_count, wins_waiting_count

from ..reporting import selectors as reporting_selectors


@role_required(*READERS)
def dashboard(request):
    roles = roles_of(request.user)
    compact = current_compact()
    context = {"compact": compact, "roles": roles}
    if roles & {OFFICER, LSP_MEMBER}:
        context["summary"] = register_summary(compact=compact)
    if OFFICER in roles:
        context["wins_waiting"] = wins_waiting_count(compact=compact)
        context["emails_not_sent"] = not_sent_count()
    if CHAMPION in roles:
        context["champion_record"] = record = champion_record_for(request.user)
        context["round_status"] = round_for_champion(compact=compact, organisation=record and record.organisation)
        context["wins_returned"] = returned_count(request.user)
    context.update(reporting_selectors.dashboard_context(roles=roles, compact=compact))
    return render(request, "compact_site/dashboard.html", context)
