"""Reads of the register that pages, reports and tests share."""

from collections.abc import Callable
from typing import TYPE_CHECKING, TypedDict, TypeVar

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Count, Exists, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from . import caching
from .models import Champion, Compact, Organisation, Sector, Signature
from .roles import OFFICER

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


class SignatureStatus:
    SIGNED = "signed"
    WITHDRAWN = "withdrawn"
    NOT_SIGNED = "not_signed"
    CHOICES = [(SIGNED, "Signed"), (WITHDRAWN, "Withdrawn"), (NOT_SIGNED, "Not signed")]


class SignatureState(TypedDict):
    """What ``organisation_choices`` annotates each organisation with, about the Compact in force."""

    is_signed: bool
    has_withdrawn: bool


class RegisterState(SignatureState):
    """What ``organisations_with_status`` annotates each organisation with."""

    active_champion_count: int


class RegisterSummary(TypedDict):
    """The register's headline figures (``register_summary``)."""

    signatory_count: int
    by_sector: list[tuple[str, int]]  # (sector label, active signatories), in the order of ``Sector``
    active_champion_count: int
    without_champion_count: int
    without_champion: list[Organisation]  # the first ten, by name
    organisation_count: int


T = TypeVar("T")


def current_compact() -> Compact | None:
    """The Compact in force: the most recently adopted one (or None before any is set up).

    Nearly every page asks, so it is cached until a Compact changes."""
    return caching.cached(
        "current-compact", [caching.COMPACT], lambda: Compact.objects.order_by("-adopted_on", "-id").first()
    )


def organisations_with_status(*, compact: Compact | None) -> "QuerySet[WithAnnotations[Organisation, RegisterState]]":
    """Organisations annotated with ``is_signed``, ``has_withdrawn`` and ``active_champion_count``.

    Each is a subquery on one organisation, not a join grouped over the whole register, so a page of 25 in name
    order walks the name index and works out 25 rows, however large the register."""
    signatures = Signature.objects.filter(organisation=OuterRef("pk"), compact=compact)
    active = Champion.objects.filter(organisation=OuterRef("pk"), stood_down_on__isnull=True)
    return Organisation.objects.annotate(
        is_signed=Exists(signatures.filter(withdrawn_on__isnull=True)),
        has_withdrawn=Exists(signatures.filter(withdrawn_on__isnull=False)),
        active_champion_count=Coalesce(
            Subquery(active.order_by().values("organisation").annotate(n=Count("pk")).values("n")), 0
        ),
    )


def organisation_choices() -> "QuerySet[WithAnnotations[Organisation, SignatureState]]":
    """Every organisation by name, for pickers, annotated with ``has_withdrawn`` and ``is_signed``.

    Both refer to the Compact in force (as ``current_compact`` finds it), inside the one query, so a list of
    1,000 organisations still costs a single query.
    """
    in_force = Compact.objects.order_by("-adopted_on", "-id").values("pk")[:1]
    signatures = Signature.objects.filter(organisation=OuterRef("pk"), compact=Subquery(in_force))
    return Organisation.objects.annotate(
        is_signed=Exists(signatures.filter(withdrawn_on__isnull=True)),
        has_withdrawn=Exists(signatures.filter(withdrawn_on__isnull=False)),
    ).order_by("name")


def organisation_label(organisation: Organisation) -> str:
    """An organisation's name as pickers show it: "Riverside Trust (withdrawn)" once it has withdrawn."""
    withdrawn = getattr(organisation, "has_withdrawn", False) and not getattr(organisation, "is_signed", False)
    return f"{organisation.name} (withdrawn)" if withdrawn else organisation.name


def filter_by_signature_status(
    queryset: "QuerySet[WithAnnotations[Organisation, SignatureState]]", status: str
) -> "QuerySet[WithAnnotations[Organisation, SignatureState]]":
    if status == SignatureStatus.SIGNED:
        return queryset.filter(is_signed=True)
    if status == SignatureStatus.WITHDRAWN:
        return queryset.filter(is_signed=False, has_withdrawn=True)
    if status == SignatureStatus.NOT_SIGNED:
        return queryset.filter(is_signed=False, has_withdrawn=False)
    return queryset


def active_signatories(*, compact: Compact | None) -> QuerySet[Organisation]:
    """Organisations with an active signature of ``compact`` (none before a compact is set up)."""
    if compact is None:
        return Organisation.objects.none()
    return Organisation.objects.filter(signatures__compact=compact, signatures__withdrawn_on__isnull=True)


# The register's headline figures and the pickers' options grow with the area and change rarely: cached until an
# organisation, signature or champion changes.
def cached_with_register(name: str, compute: Callable[[], T]) -> T:
    """``compute()``'s answer, cached until an organisation, signature, champion or the Compact changes."""
    return caching.cached(f"signatories:{name}", [caching.REGISTER, caching.COMPACT], compute)


def register_summary(*, compact: Compact | None) -> RegisterSummary:
    """Headline figures for the officer dashboard: counted in a fixed number of queries, then cached."""
    return cached_with_register(
        f"register-summary:{getattr(compact, 'pk', None)}", lambda: count_register(compact=compact)
    )


def organisation_options() -> list[tuple[int, str, str]]:
    """Every organisation as the pickers list it, by name: ``(pk, label, sector)``, withdrawn ones marked.

    Cached like the register summary (invalidated when an organisation or signature changes), so a page with a
    picker of 1,000 organisations reads none of them and draws its options without a model object each."""
    return cached_with_register("organisation-options", _organisation_options)


def _organisation_options():
    rows = organisation_choices().values_list("pk", "name", "sector", "is_signed", "has_withdrawn")
    return [
        (pk, f"{name} (withdrawn)" if withdrawn and not signed else name, sector)
        for pk, name, sector, signed, withdrawn in rows
    ]


def count_register(*, compact: Compact | None) -> RegisterSummary:
    signatories = active_signatories(compact=compact)
    by_sector = dict(signatories.values_list("sector").annotate(n=Count("id")).order_by())
    sectors = [(label, by_sector.get(value, 0)) for value, label in Sector.choices]
    without_champion = signatories.exclude(
        Exists(Champion.objects.filter(organisation=OuterRef("pk"), stood_down_on__isnull=True))
    )
    return {
        "signatory_count": sum(by_sector.values()),
        "by_sector": sectors,
        "active_champion_count": Champion.objects.filter(stood_down_on__isnull=True).count(),
        "without_champion_count": without_champion.count(),
        "without_champion": list(without_champion.order_by("name")[:10]),
        "organisation_count": Organisation.objects.count(),
    }


def active_champions() -> QuerySet[Champion]:
    return Champion.objects.filter(stood_down_on__isnull=True).select_related("organisation")


def champion_record_for(user: User | AnonymousUser) -> Champion | None:
    """The active champion record linked to a user's login, or None."""
    if not user.is_authenticated:
        return None
    return active_champions().filter(user=user).first()


def organisation_for(user: User | AnonymousUser) -> Organisation | None:
    """The organisation a champion user speaks for, or None."""
    record = champion_record_for(user)
    return record.organisation if record else None


def officers() -> QuerySet[User]:
    """Active logins with the Compact officer role: who gets round summaries and report reminders."""
    return get_user_model().objects.filter(groups__name=OFFICER, is_active=True).distinct().order_by("pk")
