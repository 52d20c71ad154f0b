import django_filters
from django import forms
from django.db.models import Exists, OuterRef

from signatories.filters import SEARCH_MAX_LENGTH, OrganisationChoiceFilter
from signatories.form_fields import GovDateField
from signatories.models import Sector
from success_factors.filters import FactorFilter
from success_factors.models import Factor

from .models import Win
from .selectors import search_wins


class FilterDateField(GovDateField):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.error_messages["incomplete"] = "Enter the date as a day, month and year"


class GovDateFilter(django_filters.DateFilter):
    field_class = FilterDateField


class WinFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="Search wins",
        method="filter_text",
        help_text="Words from the title or the story.",
        max_length=SEARCH_MAX_LENGTH,
    )
    factor = FactorFilter(
        label="Factor", field_name="factors", queryset=Factor.objects.all(), empty_label="All factors"
    )
    organisation = OrganisationChoiceFilter(
        label="Organisation involved",
        field_name="organisations",
        empty_label="All organisations",
    )
    sector = django_filters.ChoiceFilter(
        label="Sector of an organisation involved",
        choices=Sector.choices,
        empty_label="All sectors",
        method="filter_sector",
    )
    happened_from = GovDateFilter(
        label="Date from", field_name="happened_on", lookup_expr="gte", help_text="For example, 1 4 2025"
    )
    happened_to = GovDateFilter(
        label="Date to", field_name="happened_on", lookup_expr="lte", help_text="For example, 31 3 2026"
    )
    quick = django_filters.BooleanFilter(label="Quick wins only", widget=forms.CheckboxInput, method="filter_quick")

    class Meta:
        model = Win
        fields = ["q", "factor", "organisation", "sector", "happened_from", "happened_to", "quick"]

    def narrows(self):
        """Whether any search or filter is given (an invalid one too: its page says what to correct)."""
        if not self.form.is_valid():
            return True
        return any(value not in (None, "", False) for value in self.form.cleaned_data.values())

    def filter_text(self, queryset, name, value):
        return search_wins(queryset, value)

    def filter_sector(self, queryset, name, value):
        # Exists rather than a join, so a win with two organisations in the sector is listed once.
        Involved = Win.organisations.through
        return queryset.filter(Exists(Involved.objects.filter(win=OuterRef("pk"), organisation__sector=value)))

    def filter_quick(self, queryset, name, value):
        return queryset.filter(is_quick_win=True) if value else queryset
