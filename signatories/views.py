from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import F, Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import cached_property

from . import services
from .filters import ChampionFilter, OrganisationFilter
from .forms import (
    ChampionForm,
    CompactForm,
    EndorsementForm,
    OrganisationForm,
    OrganisationKindForm,
    SignUpForm,
    StandDownForm,
    WithdrawalForm,
)
from .models import Champion, Organisation, Signature
from .roles import OFFICER, READERS, role_required
from .selectors import current_compact, organisations_with_status

PAGE_SIZE = 25
RECENT_WINS = 10


# Active champions (no stand-down date) first on every database: PostgreSQL sorts NULLs last by default.
ACTIVE_CHAMPIONS_FIRST = (F("stood_down_on").asc(nulls_first=True), "name")


class CappedPaginator(Paginator):
    """A paginator that stops counting after ``most`` rows, for searches that can match most of a large table.

    Counting every match of a common word costs a read of each matching row; counting up to a cap is
    cheap. ``capped`` says there were more than ``most``; the pages then reach the first ``most`` only.
    """

    def __init__(self, object_list, per_page, *, most):
        super().__init__(object_list, per_page)
        self.most = most

    @cached_property
    def counted(self):
        return self.object_list.order_by()[: self.most + 1].count()

    @property
    def count(self):
        return min(self.counted, self.most)

    @property
    def capped(self):
        return self.counted > self.most


def paginate(request, queryset, per_page=PAGE_SIZE, *, most=None, count=None):
    """The requested page of ``queryset``; with ``most``, counting stops there (see ``CappedPaginator``); with
    ``count``, the rows are already counted (a kept total) and are not counted again."""
    paginator = Paginator(queryset, per_page) if most is None else CappedPaginator(queryset, per_page, most=most)
    if count is not None:
        paginator.count = count
    return paginator.get_page(request.GET.get("page"))


def save_or_show_errors(form):
    """Run a form's service-backed save, turning a rule broken at save time into a form error."""
    try:
        return form.save()
    except ValidationError as error:
        form.add_error(None, error)
        return None


@role_required(*READERS)
def compact_detail(request):
    """The Compact itself: what it is, where, when it was adopted and is due for review, how often the LSP hears."""
    return render(request, "signatories/compact_detail.html", {"compact": current_compact()})


@role_required(OFFICER)
def compact_edit(request):
    """Set up the Compact (the first time) or change its details."""
    compact = current_compact()
    form = CompactForm(request.POST or None, instance=compact)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(
            request,
            "The Compact's details have been saved."
            if compact
            else "The Compact has been set up. Next, add the organisations that have signed it.",
        )
        return redirect("signatories:compact_detail")
    return render(request, "signatories/compact_form.html", {"form": form, "compact": compact})


@role_required(*READERS)
def organisation_list(request):
    compact = current_compact()
    organisations = organisations_with_status(compact=compact).order_by("name")
    filterset = OrganisationFilter(request.GET, queryset=organisations)
    page = paginate(request, filterset.qs)
    return render(
        request,
        "signatories/organisation_list.html",
        {"filter": filterset, "page_obj": page, "compact": compact},
    )


@role_required(*READERS)
def organisation_detail(request, pk):
    organisation = get_object_or_404(
        Organisation.objects.prefetch_related(
            Prefetch("signatures", queryset=Signature.objects.select_related("compact")),
            Prefetch("champions", queryset=Champion.objects.order_by(*ACTIVE_CHAMPIONS_FIRST)),
            "endorsements",
        ),
        pk=pk,
    )
    # Wins live in a higher app: reach them through the reverse relation, never by importing it.
    published_wins = organisation.wins_involved.filter(status="published")
    context = {
        "organisation": organisation,
        "win_count": published_wins.count(),
        "recent_wins": list(published_wins.order_by("-happened_on", "-id")[:RECENT_WINS]),
    }
    return render(request, "signatories/organisation_detail.html", context)


@role_required(OFFICER)
def organisation_create(request):
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organisation = form.save()
        messages.success(request, f"{organisation} has been added to the register.")
        return redirect(organisation)
    return render(request, "signatories/organisation_form.html", {"form": form})


@role_required(OFFICER)
def organisation_edit(request, pk):
    organisation = get_object_or_404(Organisation, pk=pk)
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"{organisation} has been updated.")
        return redirect(organisation)
    return render(request, "signatories/organisation_form.html", {"form": form, "organisation": organisation})


@role_required(OFFICER)
def organisation_sign(request, pk):
    organisation = get_object_or_404(Organisation, pk=pk)
    form = SignUpForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid() and save_or_show_errors(form):
        messages.success(request, f"{organisation} has signed the Compact.")
        return redirect(organisation)
    return render(request, "signatories/sign_form.html", {"form": form, "organisation": organisation})


@role_required(OFFICER)
def signature_withdraw(request, pk):
    signature = get_object_or_404(Signature.objects.select_related("organisation", "compact"), pk=pk)
    if not signature.is_active:
        messages.info(request, f"{signature.organisation} had already withdrawn from {signature.compact}.")
        return redirect(signature.organisation)
    form = WithdrawalForm(request.POST or None, signature=signature)
    if request.method == "POST" and form.is_valid() and save_or_show_errors(form):
        messages.success(request, f"The withdrawal of {signature.organisation} has been recorded.")
        return redirect(signature.organisation)
    return render(request, "signatories/withdraw_form.html", {"form": form, "signature": signature})


@role_required(OFFICER)
def endorsement_create(request, pk):
    organisation = get_object_or_404(Organisation, pk=pk)
    form = EndorsementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        endorsement = form.save(commit=False)
        endorsement.organisation = organisation
        endorsement.save()
        messages.success(request, f"The endorsement by {endorsement.name} has been recorded.")
        return redirect(organisation)
    return render(request, "signatories/endorsement_form.html", {"form": form, "organisation": organisation})


@role_required(*READERS)
def champion_list(request):
    champions = Champion.objects.select_related("organisation").order_by(*ACTIVE_CHAMPIONS_FIRST)
    filterset = ChampionFilter(request.GET, queryset=champions)
    page = paginate(request, filterset.qs)
    return render(request, "signatories/champion_list.html", {"filter": filterset, "page_obj": page})


@role_required(*READERS)
def champion_detail(request, pk):
    champion = get_object_or_404(Champion.objects.select_related("organisation", "user"), pk=pk)
    return render(request, "signatories/champion_detail.html", {"champion": champion})


@role_required(OFFICER)
def champion_create(request):
    initial = {}
    organisation_id = request.GET.get("organisation", "")
    # ASCII digits only, and few: "²".isdigit() is true, and int() refuses 5,000 digits.
    if organisation_id.isascii() and organisation_id.isdigit() and len(organisation_id) <= 18:
        initial["organisation"] = Organisation.objects.filter(pk=organisation_id).first()
    form = ChampionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        champion = form.save()
        messages.success(
            request, f"{champion.name} has been appointed as a Compact Champion for {champion.organisation}."
        )
        return redirect(champion)
    return render(request, "signatories/champion_form.html", {"form": form})


@role_required(OFFICER)
def champion_edit(request, pk):
    champion = get_object_or_404(Champion, pk=pk)
    form = ChampionForm(request.POST or None, instance=champion)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"{champion.name}'s details have been updated.")
        return redirect(champion)
    return render(request, "signatories/champion_form.html", {"form": form, "champion": champion})


@role_required(OFFICER)
def champion_stand_down(request, pk):
    champion = get_object_or_404(Champion.objects.select_related("organisation"), pk=pk)
    if not champion.is_active:
        messages.info(request, f"{champion.name} had already stood down.")
        return redirect(champion)
    form = StandDownForm(request.POST or None, champion=champion)
    if request.method == "POST" and form.is_valid() and save_or_show_errors(form):
        messages.success(request, f"{champion.name} has stood down. Their record is kept.")
        return redirect(champion)
    return render(request, "signatories/stand_down_form.html", {"form": form, "champion": champion})


# Ticked on one page of the list of organisations: a few hundred at most, even sent by hand.
MOST_AT_ONCE = 500


def _ids(values):
    return [int(value) for value in values[:MOST_AT_ONCE] if value.isascii() and value.isdigit() and len(value) < 12]


@role_required(OFFICER)
def organisation_kind(request):
    """Set the kind of the organisations ticked on the list (``?organisations=…``) at once. The form keeps the
    organisations first offered, so unticking them all is an error beside them rather than an empty list."""
    offered = request.POST.get("chosen", "").split(",") if request.method == "POST" else None
    chosen = _ids(offered if offered is not None else request.GET.getlist("organisations"))
    if not chosen:
        messages.info(
            request,
            "Tick the organisations whose kind you want to set, then choose “Set the kind of the ticked organisations”.",
        )
        return redirect("signatories:organisation_list")
    initial = {"organisations": chosen, "chosen": ",".join(str(pk) for pk in chosen)}
    form = OrganisationKindForm(request.POST or None, chosen=chosen, initial=initial)
    if request.method == "POST" and form.is_valid():
        kind = form.cleaned_data["kind"]
        changed = services.set_kind(organisations=form.cleaned_data["organisations"], kind=kind, by=request.user)
        label = dict(form.fields["kind"].choices)[kind]
        if changed:
            messages.success(request, f"{changed} organisation{'s' if changed != 1 else ''} set to “{label}”.")
        else:
            messages.success(request, f"The organisations were already “{label}”: nothing changed.")
        return redirect(f"{reverse('signatories:organisation_list')}?kind={kind}")
    return render(request, "signatories/organisation_kind.html", {"form": form})
