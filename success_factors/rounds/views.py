"""Officers' pages for self-assessment rounds: plan, open, follow, chase, extend and close a round."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from signatories.models import Organisation
from signatories.roles import OFFICER, role_required
from signatories.selectors import active_signatories, current_compact
from signatories.views import paginate

from ..charts import response_chart, svg_data_uri
from ..selectors import current_round
from . import selectors, services
from .forms import ChaseForm, ExtensionForm, RoundForm
from .models import DeadlineExtension, Round

PAGE_SIZE = 50


def _round(pk):
    return get_object_or_404(Round.objects.select_related("compact", "opened_by", "closed_by"), pk=pk)


@role_required(OFFICER)
def round_list(request):
    compact = current_compact()
    context = {
        "compact": compact,
        "rounds": selectors.round_summaries(compact=compact),
        "signatory_count": active_signatories(compact=compact).count(),
    }
    return render(request, "success_factors/rounds/round_list.html", context)


@role_required(OFFICER)
def round_create(request):
    compact = current_compact()
    if compact is None:
        messages.info(request, "Set up the Compact before planning a self-assessment round.")
        return redirect("success_factors:round_list")
    form = RoundForm(
        request.POST or None,
        compact=compact,
        initial={"year": current_round(timezone.localdate()), "reminder_days": "14, 3"},
    )
    if request.method == "POST" and form.is_valid() and (round_ := form.save()):
        messages.success(request, f"The {round_.year} round is planned. Open it when you are ready.")
        return redirect(round_)
    return render(request, "success_factors/rounds/round_form.html", {"form": form})


@role_required(OFFICER)
def round_edit(request, pk):
    round_ = _round(pk)
    if round_.is_closed:
        messages.info(request, "This round is closed, so it can no longer be changed.")
        return redirect(round_)
    form = RoundForm(request.POST or None, compact=round_.compact, round_=round_)
    if request.method == "POST" and form.is_valid() and form.save():
        messages.success(request, f"The {round_.year} round has been changed.")
        return redirect(round_)
    return render(request, "success_factors/rounds/round_form.html", {"form": form, "round": round_})


@role_required(OFFICER)
def round_detail(request, pk):
    round_ = _round(pk)
    state = request.GET.get("state", "")
    state = state if state in selectors.STATE_LABELS else ""
    name = request.GET.get("q", "")[:100]
    counts, days = selectors.round_figures(round_)
    shown = selectors.filter_progress(selectors.progress_queryset(round_), state=state, name=name)
    # Without a name to search for, the counts by state already say how many rows match.
    by_state = {value: n for value, _, n in counts["by_state"]}
    known = None if name.strip() else by_state[state] if state else counts["total"]
    page = paginate(request, shown, PAGE_SIZE, count=known)
    context = {
        "round": round_,
        "counts": counts,
        "page_obj": page,
        "rows": selectors.progress_rows(page.object_list, round_),
        "states": selectors.STATES,
        "state": state,
        "q": name,
        "filtered": bool(state or name),
        "shown_count": page.paginator.count,
        "days": days,
        "chart": svg_data_uri(response_chart(days)) if days else None,
    }
    return render(request, "success_factors/rounds/round_detail.html", context)


@role_required(OFFICER)
def round_close(request, pk):
    round_ = _round(pk)
    if not round_.is_open:
        messages.info(request, "Only an open round can be closed.")
        return redirect(round_)
    if request.method == "POST":
        services.close_round(round_=round_, by=request.user)
        messages.success(request, f"The {round_.year} round is closed. No more reminders will be sent.")
        return redirect(round_)
    return render(request, "success_factors/rounds/round_close.html", {"round": round_})


@role_required(OFFICER)
def round_extend(request, pk, organisation_pk):
    round_ = _round(pk)
    organisation = get_object_or_404(Organisation, pk=organisation_pk)
    if round_.is_closed:
        messages.info(request, "This round is closed, so its deadlines can no longer be changed.")
        return redirect(round_)
    extension = DeadlineExtension.objects.filter(round=round_, organisation=organisation).first()
    form = ExtensionForm(request.POST or None, round_=round_, organisation=organisation, extension=extension)
    if request.method == "POST" and form.is_valid() and (extension := form.save(by=request.user)):
        messages.success(
            request, f"{organisation.name} now has until {extension.deadline.day} {extension.deadline:%B %Y}."
        )
        return redirect(round_)
    context = {"form": form, "round": round_, "organisation": organisation, "extension": extension}
    return render(request, "success_factors/rounds/round_extend.html", context)


# Who cannot be asked before a round opens: the first few of each, or (``?list=``) one list in full, paged.
CANNOT_BE_ASKED = {
    "without_champion": (selectors.without_champion, "without_champion_count"),
    "without_login": (selectors.without_login, "without_login_count"),
}


@role_required(OFFICER)
def round_open(request, pk):
    """A confirmation page: who will be asked, and who cannot be (no champion, or a champion without a login)."""
    round_ = _round(pk)
    if not round_.is_planned:
        messages.info(request, "This round is already open." if round_.is_open else "This round is closed.")
        return redirect(round_)
    error = None
    if request.method == "POST":
        try:
            champions, organisations = services.open_round(round_=round_, by=request.user)
        except ValidationError as problem:
            error = problem.messages[0]
        else:
            messages.success(
                request,
                f"The {round_.year} round is open. {champions} champion{'s' if champions != 1 else ''} "
                f"from {organisations} organisation{'s' if organisations != 1 else ''} are being emailed.",
            )
            return redirect(round_)
    figures = selectors.opening_figures(compact=round_.compact)
    shown = request.GET.get("list", "")
    context = {"round": round_, "error": error, "shown": shown, "page_obj": None, **figures}
    if shown in CANNOT_BE_ASKED:  # one list in full, a page at a time, instead of its first few
        find, count = CANNOT_BE_ASKED[shown]
        context["page_obj"] = paginate(request, find(compact=round_.compact), PAGE_SIZE, count=figures[count])
        context[shown] = list(context["page_obj"].object_list)
    return render(request, "success_factors/rounds/round_open.html", context)


@role_required(OFFICER)
def round_chase(request, pk):
    round_ = _round(pk)
    if not round_.is_open:
        messages.info(request, "Only an open round's organisations can be chased.")
        return redirect(round_)
    waiting = [row.organisation for row in selectors.round_progress(round_) if not row.has_responded]
    initial = {"organisations": [o for o in waiting if str(o.pk) in request.GET.getlist("organisation")]}
    form = ChaseForm(request.POST or None, round_=round_, waiting=waiting, initial=initial)
    if request.method == "POST" and form.is_valid() and (champions := form.save(by=request.user)) is not None:
        chased = len(form.cleaned_data["organisations"])
        messages.success(
            request,
            f"Your note is on its way to {len(champions)} champion{'s' if len(champions) != 1 else ''} "
            f"of {chased} organisation{'s' if chased != 1 else ''}.",
        )
        return redirect(round_)
    return render(
        request, "success_factors/rounds/round_chase.html", {"form": form, "round": round_, "waiting": waiting}
    )
