import django_filters

from signatories.filters import OrganisationChoiceFilter
from signatories.selectors import organisation_choices

from .forms.plan import FactorChoiceField
from .models import Action, ActionStatus, Assessment, AssessmentStatus, Factor
from .selectors import overdue_q


class FactorFilter(django_filters.ModelChoiceFilter):
    field_class = FactorChoiceField


class ActionFilter(django_filters.FilterSet):
    factor = FactorFilter(queryset=Factor.objects.all(), empty_label="All factors")
    status = django_filters.ChoiceFilter(choices=ActionStatus.choices, empty_label="Any status")
    owner_organisation = OrganisationChoiceFilter(
        label="Owning organisation",
        queryset=organisation_choices().filter(actions__isnull=False).distinct(),
        empty_label="All organisations",
    )
    overdue = django_filters.ChoiceFilter(
        label="Overdue?",
        choices=[("yes", "Overdue"), ("no", "Not overdue")],
        empty_label="Any",
        method="filter_overdue",
    )

    class Meta:
        model = Action
        fields = ["factor", "status", "owner_organisation", "overdue"]

    def filter_overdue(self, queryset, name, value):
        if value == "yes":
            return queryset.filter(overdue_q())
        return queryset.exclude(overdue_q())


class AssessmentFilter(django_filters.FilterSet):
    round = django_filters.ChoiceFilter(choices=[], empty_label="All rounds")
    status = django_filters.ChoiceFilter(choices=AssessmentStatus.choices, empty_label="Any status")

    class Meta:
        model = Assessment
        fields = ["round", "status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        rounds = self.queryset.order_by("-round").values_list("round", flat=True).distinct()
        self.filters["round"].extra["choices"] = [(name, name) for name in rounds]
