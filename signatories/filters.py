import django_filters

from .form_fields import OrganisationChoiceField
from .models import Champion, Organisation, OrganisationKind, Sector
from .selectors import SignatureStatus, filter_by_signature_status

# Longer search text is refused as a form error: nobody types it, and a huge LIKE pattern fails on SQLite.
SEARCH_MAX_LENGTH = 200


class OrganisationChoiceFilter(django_filters.ModelChoiceFilter):
    """A filter on one organisation, with the same type-ahead picker as the forms (the whole register when no
    ``queryset`` is given, which the field then draws from the kept list)."""

    field_class = OrganisationChoiceField


class OrganisationFilter(django_filters.FilterSet):
    name = django_filters.CharFilter(label="Name", lookup_expr="icontains", max_length=SEARCH_MAX_LENGTH)
    sector = django_filters.ChoiceFilter(choices=Sector.choices, empty_label="All sectors")
    kind = django_filters.ChoiceFilter(choices=OrganisationKind.choices, empty_label="All kinds")
    status = django_filters.ChoiceFilter(
        label="Signed the Compact?",
        choices=SignatureStatus.CHOICES,
        empty_label="Any",
        method="filter_status",
    )

    class Meta:
        model = Organisation
        fields = ["name", "sector", "kind", "status"]

    def filter_status(self, queryset, name, value):
        return filter_by_signature_status(queryset, value)


class ChampionFilter(django_filters.FilterSet):
    organisation = OrganisationChoiceFilter(empty_label="All organisations")
    active = django_filters.ChoiceFilter(
        label="Status",
        choices=[("yes", "Active"), ("no", "Stood down")],
        empty_label="Any",
        method="filter_active",
    )
    account = django_filters.ChoiceFilter(
        label="Account",
        choices=[("none", "No account yet"), ("yes", "Has an account")],
        empty_label="Any",
        method="filter_account",
    )
    name = django_filters.CharFilter(label="Name", lookup_expr="icontains", max_length=SEARCH_MAX_LENGTH)

    class Meta:
        model = Champion
        fields = ["name", "organisation", "active", "account"]

    def filter_account(self, queryset, name, value):
        return queryset.filter(user__isnull=(value == "none"))

    def filter_active(self, queryset, name, value):
        return queryset.filter(stood_down_on__isnull=(value == "yes"))
