"""The filters of the lists of consultations and funding decisions: body, commitment, result and dates."""

import django_filters
from django.db.models import Exists, OuterRef

from signatories.form_fields import GovDateField
from signatories.models import Organisation, Sector

from .models import Check, Commitment, RecordKind, RecordStatus, Result, kind_of_rule


class FilterDateField(GovDateField):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.error_messages["incomplete"] = "Enter the date as a day, month and year"


class GovDateFilter(django_filters.DateFilter):
    field_class = FilterDateField


def commitments_of(kind):
    return [c.pk for c in Commitment.objects.all() if kind_of_rule(c.rule) == kind]


class RecordFilter(django_filters.FilterSet):
    body = django_filters.ModelChoiceFilter(
        label="Statutory body",
        queryset=Organisation.objects.filter(sector=Sector.STATUTORY).order_by("name"),
        empty_label="All statutory bodies",
    )
    commitment = django_filters.ModelChoiceFilter(
        label="Commitment", queryset=Commitment.objects.none(), empty_label="Any commitment", method="filter_checks"
    )
    result = django_filters.ChoiceFilter(
        label="Result", choices=Result.choices, empty_label="Any result", method="filter_checks"
    )
    status = django_filters.ChoiceFilter(label="Verified?", choices=RecordStatus.choices, empty_label="Any")
    dated_from = GovDateFilter(label="Date from", lookup_expr="gte", help_text="For example, 1 4 2025")
    dated_to = GovDateFilter(label="Date to", lookup_expr="lte", help_text="For example, 31 3 2026")

    def __init__(self, *args, kind, date_field, officer=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.filters["commitment"].queryset = Commitment.objects.filter(pk__in=commitments_of(kind))
        self.filters["dated_from"].field_name = self.filters["dated_to"].field_name = date_field
        label = "opened" if kind == RecordKind.CONSULTATION else "decided"
        self.filters["dated_from"].label = f"{label.capitalize()} from"
        self.filters["dated_to"].label = f"{label.capitalize()} up to"
        if not officer:
            del self.filters["status"]

    def filter_checks(self, queryset, name, value):
        return queryset  # both applied together in filter_queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        commitment, result = self.form.cleaned_data.get("commitment"), self.form.cleaned_data.get("result")
        if commitment or result:
            field = "consultation" if self.kind == RecordKind.CONSULTATION else "funding_decision"
            checks = Check.objects.filter(**{field: OuterRef("pk")})
            if commitment:
                checks = checks.filter(commitment=commitment)
            if result:
                checks = checks.filter(result=result)
            queryset = queryset.filter(Exists(checks))
        return queryset
