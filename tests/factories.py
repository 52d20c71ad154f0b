"""factory_boy factories for every model the tests build."""

import datetime

import factory
from django.contrib.auth.models import Group, User

from signatories import models as sig
from signatories.roles import CHAMPION, LSP_MEMBER, OFFICER, REPRESENTATIVE
from success_factors import models as sf

PASSWORD = "a-long-test-password-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        self.save()
        for name in extracted or ():
            self.groups.add(Group.objects.get(name=name))


def officer(**kwargs):
    return UserFactory(roles=[OFFICER], **kwargs)


def lsp_member(**kwargs):
    return UserFactory(roles=[LSP_MEMBER], **kwargs)


def representative(**kwargs):
    """A login in the Representative role only: someone invited to hold a seat for the sector."""
    return UserFactory(roles=[REPRESENTATIVE], **kwargs)


class CompactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = sig.Compact

    name = "Anytown Compact"
    area = "Anytown"
    adopted_on = datetime.date(2020, 4, 1)
    review_on = datetime.date(2027, 4, 1)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = sig.Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    sector = sig.Sector.VOLUNTARY
    kind = sig.OrganisationKind.CHARITY


class SignatureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = sig.Signature

    compact = factory.SubFactory(CompactFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    signed_on = datetime.date(2021, 5, 1)
    signed_by_name = "Sam Signer"
    signed_by_role = "Chief Executive"


class ChampionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = sig.Champion

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Faker("name", locale="en_GB")
    job_title = "Partnerships Manager"
    email = factory.Sequence(lambda n: f"champion{n}@example.org")
    appointed_on = datetime.date(2022, 1, 10)


class EndorsementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = sig.Endorsement

    compact = factory.SubFactory(CompactFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    name = "Cllr Pat Leader"
    kind = sig.EndorsementKind.ELECTED_MEMBER
    position = "Leader of the Council"
    endorsed_on = datetime.date(2023, 6, 1)


def champion_user(organisation=None, **kwargs):
    """A login with the Champion role, linked to an active champion record."""
    user = UserFactory(roles=[CHAMPION], **kwargs)
    ChampionFactory(user=user, organisation=organisation or OrganisationFactory(), name=user.get_full_name())
    return user


class AssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = sf.Assessment

    compact = factory.SubFactory(CompactFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    round = "2026/27"


class RatingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = sf.Rating

    assessment = factory.SubFactory(AssessmentFactory)
    indicator = factory.LazyFunction(lambda: sf.Indicator.objects.first())
    level = sf.Level.ESTABLISHED


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = sf.Action

    compact = factory.SubFactory(CompactFactory)
    factor = factory.LazyFunction(lambda: sf.Factor.objects.get(number=3))
    description = "Give every champion a half-day of training"
    owner_name = "Pat Partnerships"
    due_on = datetime.date(2027, 3, 31)
