from django.contrib import messages
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone

from signatories import caching
from signatories.pledges.selectors import pledge_summary
from signatories.roles import CHAMPION, OFFICER, READERS, role_required, roles_of
from signatories.selectors import current_compact

from ..charts import gap_chart, radar_chart, svg_data_uri
from ..permissions import can_work_on_assessment
from ..selectors import assessment_comparison, cached_scores, other_assessments, partnership_results, rounds
from .assessments import assessment_for


@role_required(*READERS)
def partnership(request):
    """The same for everyone with the same roles asking for the same round: cached until a score, a factor, a
    signature or an organisation changes (``signatories.caching``)."""
    compact = current_compact()
    all_rounds = cached_scores(f"rounds:{getattr(compact, 'pk', None)}", lambda: rounds(compact=compact))
    requested = request.GET.get("round") or None
    if requested and requested not in all_rounds:
        messages.info(request, f"No self-assessments were submitted for {requested[:20]}. This is the latest round.")
        requested = None
    roles = ",".join(sorted(roles_of(request.user)))
    key = f"partnership:{getattr(compact, 'pk', None)}:{roles}:{requested}"
    content = caching.cached_html(
        key,
        [caching.SCORES, caching.REGISTER, caching.FACTORS, caching.PLEDGES],
        lambda: _partnership_content(request, compact, all_rounds, requested),
    )
    shown = requested or (all_rounds[0] if all_rounds else None)
    return render(request, "success_factors/partnership.html", {"shown_round": shown, "content": content})


def _partnership_content(request, compact, all_rounds, requested):
    context = {"compact": compact, "rounds": all_rounds}
    context["summary"] = pledge_summary(compact=compact, today=timezone.localdate()) if compact else None
    if all_rounds:
        results = partnership_results(compact=compact, round_name=requested, all_rounds=all_rounds)
        context.update(
            results=results,
            radar_chart=svg_data_uri(radar_chart(results)),
            gap_chart=svg_data_uri(gap_chart(results)),
        )
    return render_to_string("success_factors/includes/partnership_content.html", context, request=request)


@role_required(OFFICER, CHAMPION)
def assessment_compare(request, pk):
    assessment = assessment_for(request, pk)
    others = list(other_assessments(assessment))
    chosen = next((a for a in others if str(a.pk) == request.GET.get("with")), None)
    if chosen and not can_work_on_assessment(request.user, chosen):
        chosen = None
    if request.GET.get("with") and chosen is None:
        messages.info(request, "You can only compare with another of this organisation’s self-assessments.")
    context = {"assessment": assessment, "others": others}
    if chosen:
        earlier, later, rows = assessment_comparison(assessment=assessment, other=chosen)
        context.update(chosen=chosen, earlier=earlier, later=later, rows=rows)
    return render(request, "success_factors/assessment_compare.html", context)
