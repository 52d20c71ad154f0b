from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone

from signatories import caching
from signatories.pledges.selectors import pledge_summary
from signatories.roles import OFFICER, READERS, role_required, roles_of
from signatories.selectors import current_compact

from .. import services
from ..forms.plan import IndicatorForm
from ..models import Factor, Indicator
from ..selectors import factor_summaries, factor_trend, indicators_of, open_actions

RECENT_WINS = 5
WINS_COUNTED_TO = 1000
SOONEST_ACTIONS = 10  # the page lists the open actions due soonest; the action plan lists them all
RESOURCING_FACTOR = 6  # "Resource the Compact": its page shows the signatories' pledges


@role_required(*READERS)
def factor_list(request):
    compact = current_compact()
    latest_round, summaries = factor_summaries(compact=compact)
    context = {"compact": compact, "latest_round": latest_round, "summaries": summaries}
    return render(request, "success_factors/factor_list.html", context)


@role_required(*READERS)
def factor_detail(request, number):
    """The same for everyone with the same roles on the same day: cached until a score, a win, an indicator or
    an action changes (``signatories.caching``)."""
    factor = get_object_or_404(Factor, number=number)
    compact = current_compact()
    roles = ",".join(sorted(roles_of(request.user)))
    key = f"factor:{factor.pk}:{getattr(compact, 'pk', None)}:{roles}:{timezone.localdate()}"
    kinds = [caching.SCORES, caching.REGISTER, caching.WINS, caching.FACTORS, caching.USERS, caching.PLEDGES]
    content = caching.cached_html(key, kinds, lambda: _factor_content(request, factor, compact))
    return render(request, "success_factors/factor_detail.html", {"factor": factor, "content": content})


def _factor_content(request, factor, compact):
    indicators = list(indicators_of(factor=factor))
    trend = factor_trend(compact=compact, factor=factor)
    context = {
        "factor": factor,
        "current_indicators": [i for i in indicators if not i.is_retired],
        "retired_indicators": [i for i in indicators if i.is_retired],
        "trend": trend,
        "latest": trend[-1] if trend else None,
    }
    open_on_factor = open_actions(compact=compact, factor=factor)
    context["actions"] = list(open_on_factor[:SOONEST_ACTIONS])
    context["open_action_count"] = open_on_factor.count()
    # Wins live in a higher app: reach them through the reverse relation, never by importing it.
    published_wins = factor.wins.filter(compact=compact, status="published")
    # Counted up to a cap, as the wins library does, so the page's cost does not grow with the wins.
    counted = published_wins.order_by()[: WINS_COUNTED_TO + 1].count()
    context["win_count"], context["more_wins_than"] = min(counted, WINS_COUNTED_TO), counted > WINS_COUNTED_TO
    context["recent_wins"] = list(published_wins.order_by("-happened_on", "-id")[:RECENT_WINS])
    if factor.number == RESOURCING_FACTOR:
        context["summary"] = pledge_summary(compact=compact, today=timezone.localdate())
    return render_to_string("success_factors/includes/factor_detail_content.html", context, request=request)


@role_required(OFFICER)
def indicator_create(request, number):
    factor = get_object_or_404(Factor, number=number)
    form = IndicatorForm(request.POST or None, factor=factor)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"The local indicator has been added to {factor}.")
        return redirect(factor)
    return render(request, "success_factors/indicator_form.html", {"form": form, "factor": factor})


def _indicator(pk):
    return get_object_or_404(Indicator.objects.select_related("factor"), pk=pk)


def _confirm(request, indicator, *, change, done, **page):
    """GET: a confirmation page, or why the change cannot be made. POST: the service makes the change or refuses it."""
    if request.method == "POST":
        try:
            change()
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, done)
        return redirect(indicator.factor)
    return render(request, "success_factors/indicator_confirm.html", {"indicator": indicator, **page})


@role_required(OFFICER)
def indicator_retire(request, pk):
    indicator = _indicator(pk)
    return _confirm(
        request,
        indicator,
        change=lambda: services.retire_indicator(indicator=indicator),
        done="The indicator has been retired. Its ratings are kept.",
        heading="Retire this indicator?",
        explanation="New self-assessments will not ask about it. Ratings already given are kept, "
        "and you can reinstate it later.",
        button="Retire indicator",
        refusal="This indicator has already been retired." if indicator.is_retired else services.last_in_use(indicator),
    )


@role_required(OFFICER)
def indicator_reinstate(request, pk):
    indicator = _indicator(pk)
    return _confirm(
        request,
        indicator,
        change=lambda: services.reinstate_indicator(indicator=indicator),
        done="The indicator has been reinstated.",
        heading="Reinstate this indicator?",
        explanation="New self-assessments will ask about it again.",
        button="Reinstate indicator",
        refusal="" if indicator.is_retired else "This indicator is in use, so there is nothing to reinstate.",
    )


@role_required(OFFICER)
def indicator_delete(request, pk):
    indicator = _indicator(pk)
    has_ratings = indicator.ratings.exists()
    return _confirm(
        request,
        indicator,
        change=lambda: services.delete_indicator(indicator=indicator),
        done="The indicator has been deleted.",
        heading="Delete this indicator?",
        explanation="Nobody has rated it yet, so it can be deleted. This cannot be undone.",
        button="Delete indicator",
        warning=True,
        refusal="This indicator has ratings, so it cannot be deleted. Retire it instead."
        if has_ratings
        else services.last_in_use(indicator),
        offer_retire=has_ratings and not indicator.is_retired,
    )
