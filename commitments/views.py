"""The commitments page, the Compact's commitments, and the pages of consultations and funding decisions.

The two kinds of record share their views: each URL passes ``kind`` ("consultation" or "funding").
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe

from signatories import caching
from signatories.roles import CHAMPION, OFFICER, READERS, has_role, is_officer, role_required, roles_of
from signatories.selectors import current_compact
from signatories.views import paginate
from success_factors.charts import svg_data_uri

from . import selectors, services
from .charts import rates_chart
from .consultations.forms import ConsultationForm
from .filters import RecordFilter
from .forms import AcceptForm, CommitmentForm, ExplanationForm, PeriodForm
from .funding.forms import FundingForm, SetForManyForm
from .models import Check, Commitment, RecordKind, Result

KINDS = {
    RecordKind.CONSULTATION: {
        "form": ConsultationForm,
        "date_field": "opened_on",
        "singular": "consultation",
        "plural": "consultations",
        "history": "consultation",
    },
    RecordKind.FUNDING: {
        "form": FundingForm,
        "date_field": "decided_on",
        "singular": "funding decision",
        "plural": "funding decisions",
        "history": "funding_decision",
    },
}


# The name of the second button on a new record's form, "Save and add another": saved, then a blank form again.
ADD_ANOTHER = "add_another"


def _record(kind, pk):
    model = selectors.MODELS[kind]
    return get_object_or_404(model.objects.select_related("body", "compact", "reported_by", "verified_by"), pk=pk)


def _visible(request, kind, pk):
    record = _record(kind, pk)
    if not selectors.visible_records(kind, user=request.user, compact=record.compact).filter(pk=pk).exists():
        raise Http404("No such record.")
    return record


@role_required(*READERS)
def overview(request):
    """The same for officers and LSP members with the same roles asking for the same period on the same day: cached
    until a record, a check, a commitment or the register changes. A champion's lists what they reported
    themselves, so it is worked out each time (the rates are cached all the same). The period form sits between the
    cached intro and figures: cached with them as nobody has filled it in, drawn afresh once filled in, so that it
    shows what was asked and its errors follow the GOV.UK pattern."""
    compact = current_compact()
    today = timezone.localdate()
    asked = any(name in request.GET for name in PERIOD_FIELDS)
    form = PeriodForm(request.GET if asked else None, today=today)
    period = form.chosen()
    roles = roles_of(request.user)
    if CHAMPION in roles:
        parts = _overview_parts(request, compact, period, today, form)
    else:
        key = (
            f"commitments-overview:{getattr(compact, 'pk', None)}:{','.join(sorted(roles))}:{period.key}:"
            f"{period.start}:{period.end}:{today}"
        )
        parts = caching.cached(
            key,
            [caching.COMMITMENTS, caching.REGISTER, caching.FACTORS],
            lambda: _overview_parts(request, compact, period, today, form),
        )
    context = {
        "intro": mark_safe(parts["intro"]),
        "figures": mark_safe(parts["figures"]),
        "form": form,
        # (parts cached by a request with no period asked for carry the form as nobody has filled it in)
        "period_form": mark_safe(
            _period_form(request, form) if form.is_bound or not parts.get("form") else parts["form"]
        ),
    }
    return render(request, "commitments/overview.html", context)


# The query parameters of the period form (a GOV.UK date input sends day, month and year as _0, _1 and _2).
PERIOD_FIELDS = ("period", *(f"{name}_{part}" for name in ("date_from", "date_to") for part in range(3)))


def _period_form(request, form):
    return render_to_string("commitments/includes/period_form.html", {"form": form}, request=request)


def _overview_parts(request, compact, period, today, form):
    periods = {"current": (period.start, period.end), "previous": period.previous}
    # Cached: the rates count every check of two periods, and name the statutory bodies (the register).
    rates = caching.cached(
        f"commitment-rates:{getattr(compact, 'pk', None)}:{period.key}:{period.start}:{period.end}:{today}",
        [caching.COMMITMENTS, caching.REGISTER, caching.FACTORS],
        lambda: selectors.commitment_rates(compact=compact, periods=periods),
    )
    consultations = selectors.visible_records(RecordKind.CONSULTATION, user=request.user, compact=compact)
    closing_soon = list(
        selectors.consultations_closing_soon(records=consultations, today=today, counted=True)[
            : selectors.CLOSING_SOON_LISTED
        ]
    )
    context = {
        "compact": compact,
        "period": period,
        "previous": periods["previous"],
        "rates": rates,
        "chart_uri": svg_data_uri(rates_chart(rates)),
        "closing_soon": closing_soon,
        "closing_soon_count": closing_soon[0].total if closing_soon else 0,
        "waiting": selectors.waiting_count(compact=compact) if is_officer(request.user) else 0,
        "can_record": is_officer(request.user) or services.reporter_organisation(request.user) is not None,
        # Reversed once here rather than for each of a few hundred rows.
        "consultation_list_url": reverse("commitments:consultation_list"),
        "funding_list_url": reverse("commitments:funding_list"),
    }
    return {
        "intro": render_to_string("commitments/includes/overview_intro.html", context, request=request),
        "figures": render_to_string("commitments/includes/overview_content.html", context, request=request),
        # The period form as nobody has filled it in is the same for everyone (and drawing it costs as much as the
        # rest): cached with the parts. Filled in, it shows what was asked and any errors, so it is drawn each time.
        "form": "" if form.is_bound else _period_form(request, form),
    }


@role_required(*READERS)
def commitment_list(request):
    commitments = Commitment.objects.select_related("factor").order_by("retired_on", "order", "id")
    return render(request, "commitments/commitment_list.html", {"commitments": commitments})


def _commitment_form(request, commitment=None):
    form = CommitmentForm(request.POST or None, commitment=commitment)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in ("title", "description", "rule", "threshold", "factor")}
        if commitment is not None:
            data["retired"] = form.cleaned_data["retired"]
        try:
            saved = services.save_commitment(by=request.user, commitment=commitment, **data)
        except ValidationError as error:
            for field, errors in getattr(error, "error_dict", {None: error.error_list}).items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, f"“{saved.title}” has been saved.")
            if commitment is None and ADD_ANOTHER in request.POST:
                return redirect("commitments:commitment_create")
            return redirect("commitments:commitment_list")
    return render(request, "commitments/commitment_form.html", {"form": form, "commitment": commitment})


@role_required(OFFICER)
def commitment_create(request):
    return _commitment_form(request)


@role_required(OFFICER)
def commitment_edit(request, pk):
    return _commitment_form(request, get_object_or_404(Commitment, pk=pk))


@role_required(*READERS)
def record_list(request, kind):
    compact = current_compact()
    officer = is_officer(request.user)
    records = selectors.for_listing(selectors.visible_records(kind, user=request.user, compact=compact))
    filterset = RecordFilter(
        request.GET, queryset=records, kind=kind, date_field=KINDS[kind]["date_field"], officer=officer
    )
    page_obj = paginate(request, filterset.qs, count=_cached_count(request, kind, compact, filterset))
    context = {
        "kind": kind,
        "names": KINDS[kind],
        "filter": filterset,
        "page_obj": page_obj,
        "compact": compact,
        "can_record": officer or services.reporter_organisation(request.user) is not None,
    }
    return render(request, "commitments/record_list.html", context)


def _cached_count(request, kind, compact, filterset):
    """How many records match the filters, cached until a record or a check changes: counting the records that did
    not meet a commitment reads every such record. The same for everyone who may see the same records."""
    if not filterset.is_valid():
        return None
    user = request.user
    who = "all" if is_officer(user) else f"champion-{user.pk}" if has_role(user, CHAMPION) else "verified"
    asked = sorted(
        (name, str(getattr(value, "pk", value)))
        for name, value in filterset.form.cleaned_data.items()
        if value not in (None, "")
    )
    return caching.cached(
        f"record-count:{kind}:{getattr(compact, 'pk', None)}:{who}:{asked}",
        [caching.COMMITMENTS, caching.REGISTER],
        filterset.qs.count,
    )


def _save_record(request, form, kind, compact, record=None):
    data = form.record_data()
    organisations = form.organisations() if hasattr(form, "organisations") else None
    try:
        if record is None:
            return services.record(
                kind=kind, compact=compact, by=request.user, organisations_funded=organisations, **data
            )
        return services.update_record(record=record, by=request.user, organisations_funded=organisations, **data)
    except ValidationError as error:
        form.add_service_error(error)
        return None


@role_required(OFFICER, CHAMPION)
def record_create(request, kind):
    compact = current_compact()
    if compact is None:
        messages.info(request, "Set up the Compact before recording consultations and funding decisions.")
        return redirect("dashboard")
    officer = is_officer(request.user)
    if not officer and services.reporter_organisation(request.user) is None:
        raise PermissionDenied("Champions of voluntary and community signatories report consultations and funding.")
    # "Save and add another" comes back here with the statutory body just used, for a run of one body's records.
    form = KINDS[kind]["form"](request.POST or None, compact=compact, initial={"body": request.GET.get("body")})
    if request.method == "POST" and form.is_valid():
        record = _save_record(request, form, kind, compact)
        if record is not None:
            if officer:
                messages.success(
                    request,
                    f"The {KINDS[kind]['singular']} “{record}” has been recorded and checked against the Compact's "
                    "commitments.",
                )
            else:
                messages.success(
                    request,
                    f"Thank you. The {KINDS[kind]['singular']} “{record}” has been reported: a Compact "
                    "officer will check it before it counts.",
                )
            if ADD_ANOTHER in request.POST:
                return redirect(f"{reverse(f'commitments:{kind}_create')}?body={record.body_id}")
            return redirect(record)
    return render(request, "commitments/record_form.html", {"form": form, "kind": kind, "names": KINDS[kind]})


@role_required(OFFICER)
def record_edit(request, kind, pk):
    record = _record(kind, pk)
    form = KINDS[kind]["form"](request.POST or None, compact=record.compact, record=record)
    if request.method == "POST" and form.is_valid():
        saved = _save_record(request, form, kind, record.compact, record)
        if saved is not None:
            messages.success(request, f"The {KINDS[kind]['singular']} has been saved and checked again.")
            return redirect(saved)
    return render(
        request, "commitments/record_form.html", {"form": form, "kind": kind, "names": KINDS[kind], "record": record}
    )


@role_required(*READERS)
def record_detail(request, kind, pk):
    record = _visible(request, kind, pk)
    officer = is_officer(request.user)
    checks = list(selectors.checks_of(record))
    context = {
        "record": record,
        "kind": kind,
        "names": KINDS[kind],
        "checks": checks,
        "can_explain": services.can_explain(request.user, record),
        "can_raise_concern": officer or has_role(request.user, CHAMPION),
        "concerns": list(record.concerns.order_by("-raised_on", "-id")) if officer else [],
        "concern_count": record.concerns.count(),
        "organisations_funded": list(record.organisations_funded.order_by("name"))
        if kind == RecordKind.FUNDING
        else [],
        "reasons": {check.pk: services.stated_reason(check) for check in checks if check.result == Result.NOT_MET},
    }
    return render(request, "commitments/record_detail.html", context)


@role_required(OFFICER)
def record_verify(request, kind, pk):
    record = _record(kind, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        services.verify(record=record, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, f"The {KINDS[kind]['singular']} is verified: it now counts, and everyone can read it."
        )
    return redirect(record)


@role_required(OFFICER, CHAMPION)
def record_explain(request, kind, pk):
    record = _record(kind, pk)
    if not services.can_explain(request.user, record):
        raise PermissionDenied("Only the champions of the statutory body concerned add its explanation.")
    form = ExplanationForm(request.POST or None, initial={"explanation": record.body_explanation})
    if request.method == "POST" and form.is_valid():
        services.add_explanation(record=record, by=request.user, explanation=form.cleaned_data["explanation"])
        messages.success(request, "The explanation has been added. A Compact officer will read it.")
        return redirect(record)
    return render(
        request, "commitments/record_explain.html", {"form": form, "record": record, "kind": kind, "names": KINDS[kind]}
    )


@role_required(OFFICER)
def funding_set_for_many(request):
    """Record full cost recovery, payment in advance or a published rationale for a whole grant programme."""
    compact = current_compact()
    data = request.POST if request.method == "POST" else None
    form = SetForManyForm(data, programmes=selectors.funding_programmes(compact=compact))
    if request.method == "POST" and form.is_valid():
        programme, field = form.cleaned_data["programme"], form.cleaned_data["field"]
        records = selectors.funding_in_programme(compact=compact, programme=programme)
        changed = services.set_for_many(by=request.user, records=records, field=field, value=form.value())
        label = dict(form.fields["field"].choices)[field]
        answer = dict(form.fields["answer"].choices)[form.cleaned_data["answer"]]
        messages.success(
            request,
            f"“{label}” is now {answer} for every funding decision in {programme}: "
            f"{changed} changed and checked again.",
        )
        return redirect("commitments:funding_list")
    return render(request, "commitments/funding_set_for_many.html", {"form": form})


@role_required(OFFICER)
def check_accept(request, pk):
    check = get_object_or_404(Check.objects.select_related("commitment", "consultation", "funding_decision"), pk=pk)
    form = AcceptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.accept_explanation(check=check, by=request.user, note=form.cleaned_data["note"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"The reason is accepted: “{check.commitment}” is now explained.")
            return redirect(check.record)
    context = {"form": form, "check": check, "record": check.record, "reasons": services.stated_reason(check)}
    return render(request, "commitments/check_accept.html", context)
