"""Changes to the register go through services that refuse moves the rules do not allow."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from signatories import services
from signatories.models import Champion, Signature
from tests import factories

pytestmark = pytest.mark.django_db

SIGNED_ON = datetime.date(2021, 5, 1)


def sign(organisation, compact, signed_on=SIGNED_ON):
    return services.sign_up(
        organisation=organisation,
        compact=compact,
        signed_on=signed_on,
        signed_by_name="Sam Signer",
        signed_by_role="Chair of Trustees",
    )


def test_sign_up_records_who_signed_and_when(compact):
    organisation = factories.OrganisationFactory()

    signature = sign(organisation, compact)

    stored = Signature.objects.get()
    assert stored == signature
    assert (stored.organisation, stored.compact, stored.signed_on) == (organisation, compact, SIGNED_ON)
    assert (stored.signed_by_name, stored.signed_by_role) == ("Sam Signer", "Chair of Trustees")
    assert stored.is_active


def test_sign_up_refuses_an_organisation_that_has_already_signed(compact):
    organisation = factories.OrganisationFactory(name="Riverside Food Bank")
    sign(organisation, compact)

    with pytest.raises(ValidationError, match="Riverside Food Bank has already signed Anytown Compact"):
        sign(organisation, compact, signed_on=datetime.date(2022, 1, 1))
    assert Signature.objects.count() == 1


def test_sign_up_accepts_an_organisation_that_withdrew_earlier(compact):
    organisation = factories.OrganisationFactory()
    first = sign(organisation, compact)
    services.withdraw(signature=first, withdrawn_on=datetime.date(2022, 1, 1), reason="Lost funding")

    again = sign(organisation, compact, signed_on=datetime.date(2023, 3, 1))

    assert again.is_active
    assert Signature.objects.filter(organisation=organisation).count() == 2


def test_withdraw_keeps_the_signature_with_its_date_and_reason():
    signature = factories.SignatureFactory(signed_on=SIGNED_ON)

    services.withdraw(signature=signature, withdrawn_on=datetime.date(2024, 2, 1), reason="  The charity closed.  ")

    stored = Signature.objects.get(pk=signature.pk)
    assert stored.withdrawn_on == datetime.date(2024, 2, 1)
    assert stored.withdrawal_reason == "The charity closed."
    assert not stored.is_active


def test_withdraw_refuses_a_signature_already_withdrawn():
    signature = factories.SignatureFactory(withdrawn_on=datetime.date(2022, 1, 1), withdrawal_reason="Merged")

    with pytest.raises(ValidationError, match="already been withdrawn"):
        services.withdraw(signature=signature, withdrawn_on=datetime.date(2024, 1, 1), reason="Again")
    assert Signature.objects.get(pk=signature.pk).withdrawn_on == datetime.date(2022, 1, 1)


def test_withdraw_refuses_a_date_before_the_signing():
    signature = factories.SignatureFactory(signed_on=SIGNED_ON)

    with pytest.raises(ValidationError, match="cannot be before the date the organisation signed"):
        services.withdraw(signature=signature, withdrawn_on=SIGNED_ON - datetime.timedelta(days=1), reason="Closed")
    assert Signature.objects.get(pk=signature.pk).is_active


def test_withdraw_refuses_a_blank_reason():
    signature = factories.SignatureFactory(signed_on=SIGNED_ON)

    with pytest.raises(ValidationError, match="Give the reason"):
        services.withdraw(signature=signature, withdrawn_on=datetime.date(2024, 1, 1), reason="   ")
    assert Signature.objects.get(pk=signature.pk).is_active


def test_stand_down_keeps_the_record_with_its_date_and_reason():
    champion = factories.ChampionFactory(appointed_on=datetime.date(2022, 1, 10))

    services.stand_down(champion=champion, stood_down_on=datetime.date(2024, 3, 31), reason=" Left the charity ")

    stored = Champion.objects.get(pk=champion.pk)
    assert stored.stood_down_on == datetime.date(2024, 3, 31)
    assert stored.stood_down_reason == "Left the charity"
    assert not stored.is_active


def test_stand_down_refuses_a_champion_who_already_stood_down():
    champion = factories.ChampionFactory(name="Priya Shah", stood_down_on=datetime.date(2023, 1, 1))

    with pytest.raises(ValidationError, match="Priya Shah has already stood down"):
        services.stand_down(champion=champion, stood_down_on=datetime.date(2024, 1, 1))
    assert Champion.objects.get(pk=champion.pk).stood_down_on == datetime.date(2023, 1, 1)


def test_stand_down_refuses_a_date_before_the_appointment():
    champion = factories.ChampionFactory(appointed_on=datetime.date(2022, 1, 10))

    with pytest.raises(ValidationError, match="cannot be before the date they were appointed"):
        services.stand_down(champion=champion, stood_down_on=datetime.date(2022, 1, 9))
    assert Champion.objects.get(pk=champion.pk).is_active


def test_check_user_free_refuses_a_login_that_already_champions():
    user = factories.UserFactory(first_name="Priya", last_name="Shah")
    factories.ChampionFactory(user=user)

    with pytest.raises(ValidationError, match="Priya Shah is already an active champion"):
        services.check_user_free(user=user)


def test_check_user_free_lets_a_record_keep_its_own_login():
    user = factories.UserFactory()
    record = factories.ChampionFactory(user=user)

    services.check_user_free(user=user, champion=record)


def test_check_user_free_ignores_records_the_login_stood_down_from():
    user = factories.UserFactory()
    factories.ChampionFactory(user=user, stood_down_on=datetime.date(2023, 1, 1))

    services.check_user_free(user=user, champion=Champion())


def test_check_user_free_refuses_a_login_active_on_another_record():
    user = factories.UserFactory(first_name="", last_name="", username="pshah")
    factories.ChampionFactory(user=user)
    other = factories.ChampionFactory()

    with pytest.raises(ValidationError, match="pshah is already an active champion"):
        services.check_user_free(user=user, champion=other)


def test_check_user_free_accepts_no_login():
    factories.ChampionFactory(user=None)

    services.check_user_free(user=None)
