"""Reads of the register: signature status, the dashboard's figures, and who a champion speaks for."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser

from signatories.models import Sector
from signatories.selectors import (
    SignatureStatus,
    champion_record_for,
    current_compact,
    filter_by_signature_status,
    organisation_for,
    organisations_with_status,
    register_summary,
)
from tests import factories

pytestmark = pytest.mark.django_db


def withdrawn(**kwargs):
    return factories.SignatureFactory(withdrawn_on=datetime.date(2022, 1, 1), withdrawal_reason="Closed", **kwargs)


@pytest.fixture
def register(compact):
    """Four organisations, one in each state a list filter can show."""
    signed = factories.OrganisationFactory(name="Signed Trust")
    factories.SignatureFactory(compact=compact, organisation=signed)

    left = factories.OrganisationFactory(name="Left Trust")
    withdrawn(compact=compact, organisation=left)

    returned = factories.OrganisationFactory(name="Returned Trust")
    withdrawn(compact=compact, organisation=returned)
    factories.SignatureFactory(compact=compact, organisation=returned, signed_on=datetime.date(2023, 1, 1))

    factories.OrganisationFactory(name="Never Trust")
    return compact


def names_with_status(compact, status):
    queryset = filter_by_signature_status(organisations_with_status(compact=compact), status)
    return sorted(queryset.values_list("name", flat=True))


def test_signed_status_includes_an_organisation_that_withdrew_and_signed_again(register):
    assert names_with_status(register, SignatureStatus.SIGNED) == ["Returned Trust", "Signed Trust"]


def test_withdrawn_status_lists_only_organisations_without_an_active_signature(register):
    assert names_with_status(register, SignatureStatus.WITHDRAWN) == ["Left Trust"]


def test_not_signed_status_lists_organisations_that_never_signed(register):
    assert names_with_status(register, SignatureStatus.NOT_SIGNED) == ["Never Trust"]


def test_no_status_lists_every_organisation(register):
    assert len(names_with_status(register, "")) == 4


def test_signing_another_compact_does_not_count_as_signing_this_one(compact):
    organisation = factories.OrganisationFactory(name="Elsewhere Trust")
    factories.SignatureFactory(compact=factories.CompactFactory(name="Other Compact"), organisation=organisation)

    assert names_with_status(compact, SignatureStatus.NOT_SIGNED) == ["Elsewhere Trust"]
    assert names_with_status(compact, SignatureStatus.SIGNED) == []


def test_organisations_with_status_counts_only_active_champions(compact):
    organisation = factories.OrganisationFactory()
    factories.ChampionFactory.create_batch(2, organisation=organisation)
    factories.ChampionFactory(organisation=organisation, stood_down_on=datetime.date(2023, 1, 1))

    annotated = organisations_with_status(compact=compact).get(pk=organisation.pk)

    assert annotated.active_champion_count == 2


def test_current_compact_is_the_latest_adopted():
    factories.CompactFactory(name="First", adopted_on=datetime.date(2010, 1, 1))
    factories.CompactFactory(name="Revised", adopted_on=datetime.date(2024, 1, 1))

    assert current_compact().name == "Revised"


def test_current_compact_is_none_before_one_is_set_up(db):
    assert current_compact() is None


def test_register_summary_counts_active_signatories_by_sector(compact):
    for sector in [Sector.STATUTORY, Sector.VOLUNTARY, Sector.VOLUNTARY]:
        factories.SignatureFactory(compact=compact, organisation__sector=sector)
    withdrawn(compact=compact, organisation__sector=Sector.OTHER)
    factories.OrganisationFactory(sector=Sector.OTHER)

    summary = register_summary(compact=compact)

    assert summary["signatory_count"] == 3
    assert summary["by_sector"] == [("Statutory", 1), ("Voluntary and community", 2), ("Other", 0)]
    assert summary["organisation_count"] == 5


def test_register_summary_counts_active_champions_only(compact):
    factories.ChampionFactory.create_batch(3)
    factories.ChampionFactory(stood_down_on=datetime.date(2023, 1, 1))

    assert register_summary(compact=compact)["active_champion_count"] == 3


def test_register_summary_names_signatories_without_an_active_champion(compact):
    covered = factories.SignatureFactory(compact=compact, organisation__name="Covered Trust").organisation
    factories.ChampionFactory(organisation=covered)
    lapsed = factories.SignatureFactory(compact=compact, organisation__name="Lapsed Trust").organisation
    factories.ChampionFactory(organisation=lapsed, stood_down_on=datetime.date(2023, 1, 1))
    factories.SignatureFactory(compact=compact, organisation__name="Alone Trust")
    factories.OrganisationFactory(name="Unsigned Trust")

    summary = register_summary(compact=compact)

    assert summary["without_champion_count"] == 2
    assert [o.name for o in summary["without_champion"]] == ["Alone Trust", "Lapsed Trust"]


def test_register_summary_lists_at_most_ten_signatories_without_a_champion(compact):
    factories.SignatureFactory.create_batch(12, compact=compact)

    summary = register_summary(compact=compact)

    assert summary["without_champion_count"] == 12
    assert len(summary["without_champion"]) == 10


def test_register_summary_before_any_compact_counts_no_signatories(db):
    factories.OrganisationFactory.create_batch(3)

    summary = register_summary(compact=None)

    assert summary["signatory_count"] == 0
    assert summary["without_champion_count"] == 0
    assert summary["organisation_count"] == 3


def test_register_summary_uses_a_fixed_number_of_queries(compact, django_assert_max_num_queries):
    for _ in range(5):
        organisation = factories.SignatureFactory(compact=compact).organisation
        factories.ChampionFactory(organisation=organisation)

    with django_assert_max_num_queries(5):
        register_summary(compact=compact)


def test_champion_record_for_a_champion_login_is_their_active_record(champion):
    record = champion_record_for(champion)

    assert record.user == champion
    assert record.is_active


def test_champion_record_for_ignores_a_stood_down_record():
    user = factories.UserFactory()
    factories.ChampionFactory(user=user, stood_down_on=datetime.date(2023, 1, 1))

    assert champion_record_for(user) is None
    assert organisation_for(user) is None


def test_champion_record_for_anonymous_visitor_is_none(db):
    assert champion_record_for(AnonymousUser()) is None


def test_organisation_for_a_champion_is_the_one_they_champion(db):
    organisation = factories.OrganisationFactory(name="Riverside Food Bank")
    user = factories.champion_user(organisation=organisation)

    assert organisation_for(user) == organisation


def test_organisation_for_an_officer_without_a_record_is_none(officer):
    assert organisation_for(officer) is None
