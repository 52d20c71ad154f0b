"""The register's tables: how each row reads, its order, and the rules the database itself enforces."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from signatories.models import Champion, Compact, Organisation, Signature
from tests import factories

pytestmark = pytest.mark.django_db


def refused_by_database(make):
    """Run ``make`` in its own savepoint and expect the database to refuse it."""
    with pytest.raises(IntegrityError), transaction.atomic():
        make()


def test_compact_reads_as_its_name():
    assert str(factories.CompactFactory(name="Riverside Compact 2024")) == "Riverside Compact 2024"


def test_compacts_are_listed_latest_adopted_first():
    factories.CompactFactory(name="First", adopted_on=datetime.date(2010, 1, 1))
    factories.CompactFactory(name="Revised", adopted_on=datetime.date(2024, 1, 1))
    factories.CompactFactory(name="Second", adopted_on=datetime.date(2016, 1, 1))

    assert [c.name for c in Compact.objects.all()] == ["Revised", "Second", "First"]


def test_compact_review_cannot_fall_before_adoption():
    refused_by_database(
        lambda: factories.CompactFactory(adopted_on=datetime.date(2024, 4, 1), review_on=datetime.date(2023, 4, 1))
    )


def test_organisation_reads_as_its_name_and_links_to_its_page():
    organisation = factories.OrganisationFactory(name="Riverside Food Bank")

    assert str(organisation) == "Riverside Food Bank"
    assert organisation.get_absolute_url() == f"/organisations/{organisation.pk}/"


def test_organisations_are_listed_by_name():
    for name in ["Youth Trust", "Anytown Council", "Maple Housing"]:
        factories.OrganisationFactory(name=name)

    assert [o.name for o in Organisation.objects.all()] == ["Anytown Council", "Maple Housing", "Youth Trust"]


def test_organisation_names_are_unique_whatever_their_case():
    factories.OrganisationFactory(name="Riverside Food Bank")

    refused_by_database(lambda: factories.OrganisationFactory(name="RIVERSIDE food bank"))
    assert Organisation.objects.count() == 1


def test_active_signature_reads_with_its_date_and_state():
    signature = factories.SignatureFactory(
        organisation__name="Riverside Food Bank",
        compact__name="Anytown Compact",
        signed_on=datetime.date(2021, 5, 12),
    )

    assert str(signature) == "Riverside Food Bank signed Anytown Compact on 12 May 2021 (active)"
    assert signature.is_active


def test_withdrawn_signature_reads_with_its_withdrawal_date():
    signature = factories.SignatureFactory(
        organisation__name="Riverside Food Bank",
        signed_on=datetime.date(2021, 5, 12),
        withdrawn_on=datetime.date(2023, 11, 30),
        withdrawal_reason="The charity closed.",
    )

    assert str(signature).endswith("on 12 May 2021 (withdrawn 30 November 2023)")
    assert not signature.is_active


def test_signatures_are_listed_latest_first():
    organisation = factories.OrganisationFactory()
    old = factories.SignatureFactory(
        organisation=organisation,
        signed_on=datetime.date(2015, 1, 1),
        withdrawn_on=datetime.date(2016, 1, 1),
        withdrawal_reason="Merged",
    )
    new = factories.SignatureFactory(
        organisation=organisation, compact=old.compact, signed_on=datetime.date(2020, 1, 1)
    )

    assert list(organisation.signatures.all()) == [new, old]


def test_an_organisation_cannot_have_two_active_signatures_of_one_compact(compact):
    organisation = factories.OrganisationFactory()
    factories.SignatureFactory(compact=compact, organisation=organisation)

    refused_by_database(lambda: factories.SignatureFactory(compact=compact, organisation=organisation))
    assert Signature.objects.count() == 1


def test_an_organisation_that_withdrew_may_sign_again(compact):
    organisation = factories.OrganisationFactory()
    factories.SignatureFactory(
        compact=compact, organisation=organisation, withdrawn_on=datetime.date(2022, 1, 1), withdrawal_reason="Closed"
    )

    factories.SignatureFactory(compact=compact, organisation=organisation, signed_on=datetime.date(2023, 1, 1))

    assert Signature.objects.filter(organisation=organisation).count() == 2


def test_an_organisation_may_sign_two_different_compacts(compact):
    organisation = factories.OrganisationFactory()
    factories.SignatureFactory(compact=compact, organisation=organisation)

    factories.SignatureFactory(compact=factories.CompactFactory(name="Revised Compact"), organisation=organisation)

    assert Signature.objects.filter(organisation=organisation, withdrawn_on__isnull=True).count() == 2


def test_withdrawal_date_without_a_reason_is_refused():
    refused_by_database(lambda: factories.SignatureFactory(withdrawn_on=datetime.date(2022, 1, 1)))


def test_withdrawal_reason_without_a_date_is_refused():
    refused_by_database(lambda: factories.SignatureFactory(withdrawal_reason="They closed"))


def test_withdrawal_cannot_be_dated_before_the_signing():
    refused_by_database(
        lambda: factories.SignatureFactory(
            signed_on=datetime.date(2022, 6, 1), withdrawn_on=datetime.date(2022, 5, 31), withdrawal_reason="Closed"
        )
    )


def test_withdrawal_on_the_day_of_signing_is_allowed():
    signature = factories.SignatureFactory(
        signed_on=datetime.date(2022, 6, 1), withdrawn_on=datetime.date(2022, 6, 1), withdrawal_reason="Signed in error"
    )

    assert Signature.objects.get(pk=signature.pk).withdrawn_on == datetime.date(2022, 6, 1)


def test_champion_reads_as_name_and_organisation_and_links_to_their_page():
    champion = factories.ChampionFactory(name="Priya Shah", organisation__name="Riverside Food Bank")

    assert str(champion) == "Priya Shah (Riverside Food Bank)"
    assert champion.get_absolute_url() == f"/champions/{champion.pk}/"


def test_champions_are_listed_by_name():
    for name in ["Zoe Adams", "Amir Khan", "Maya Jones"]:
        factories.ChampionFactory(name=name)

    assert [c.name for c in Champion.objects.all()] == ["Amir Khan", "Maya Jones", "Zoe Adams"]


def test_champion_is_active_until_they_stand_down():
    champion = factories.ChampionFactory()
    assert champion.is_active

    champion.stood_down_on = datetime.date(2024, 1, 1)
    assert not champion.is_active


def test_stand_down_cannot_be_dated_before_the_appointment():
    refused_by_database(
        lambda: factories.ChampionFactory(
            appointed_on=datetime.date(2022, 1, 10), stood_down_on=datetime.date(2022, 1, 9)
        )
    )


def test_a_login_belongs_to_one_active_champion_record_at_a_time():
    user = factories.UserFactory()
    factories.ChampionFactory(user=user)

    refused_by_database(lambda: factories.ChampionFactory(user=user))
    assert Champion.objects.filter(user=user).count() == 1


def test_a_login_may_keep_stood_down_records_beside_its_active_one():
    user = factories.UserFactory()
    factories.ChampionFactory(user=user, stood_down_on=datetime.date(2023, 1, 1))
    factories.ChampionFactory(user=user, stood_down_on=datetime.date(2024, 1, 1))

    factories.ChampionFactory(user=user)

    assert Champion.objects.filter(user=user).count() == 3


def test_many_champions_may_have_no_login():
    factories.ChampionFactory(user=None)
    factories.ChampionFactory(user=None)

    assert Champion.objects.filter(user__isnull=True, stood_down_on__isnull=True).count() == 2


def test_endorsement_reads_as_who_what_and_when():
    endorsement = factories.EndorsementFactory(
        name="Cllr Pat Leader", position="Leader of the Council", endorsed_on=datetime.date(2023, 6, 15)
    )

    assert str(endorsement) == "Cllr Pat Leader, Leader of the Council (15 June 2023)"


def test_endorsements_are_listed_latest_first():
    organisation = factories.OrganisationFactory()
    older = factories.EndorsementFactory(organisation=organisation, endorsed_on=datetime.date(2020, 1, 1))
    newer = factories.EndorsementFactory(organisation=organisation, endorsed_on=datetime.date(2024, 1, 1))

    assert list(organisation.endorsements.all()) == [newer, older]
