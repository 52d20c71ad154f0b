"""factory_boy factories for the sector's representation: networks, boards, seats, terms, meetings, report-backs."""

import datetime

import factory

from representation import models
from signatories.models import Compact, Sector
from tests.factories import CompactFactory, OrganisationFactory


def the_compact():
    """The test's compact if it has one: a board and its networks belong to one compact."""
    return Compact.objects.order_by("pk").first() or CompactFactory()


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Network

    compact = factory.LazyFunction(the_compact)
    name = factory.Sequence(lambda n: f"Network {n}")
    description = "A forum of the sector."


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Membership

    network = factory.SubFactory(NetworkFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    joined_on = datetime.date(2020, 1, 1)


class BoardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Board

    compact = factory.LazyFunction(the_compact)
    name = factory.Sequence(lambda n: f"Board {n}")
    run_by = factory.SubFactory(
        OrganisationFactory, sector=Sector.STATUTORY, name=factory.Sequence(lambda n: f"Council {n}")
    )
    meets = models.Frequency.QUARTERLY


class SeatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Seat

    board = factory.SubFactory(BoardFactory)
    number = factory.Sequence(lambda n: n + 1)
    opened_on = datetime.date(2024, 4, 1)


class TermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Term

    seat = factory.SubFactory(SeatFactory)
    holder_name = factory.Faker("name", locale="en_GB")
    organisation = factory.SubFactory(OrganisationFactory)
    nominated_by = factory.SubFactory(NetworkFactory)
    starts_on = datetime.date(2024, 4, 1)
    ends_on = datetime.date(2027, 3, 31)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Meeting

    board = factory.SubFactory(BoardFactory)
    held_on = datetime.date(2025, 6, 1)


class ReportBackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.ReportBack

    meeting = factory.SubFactory(MeetingFactory)
    term = factory.SubFactory(TermFactory)
    discussed = "The new prevention strategy."
    sector_said = "Small groups need longer notice."
    decided = "A working group with two sector places."
    next_steps = "Nominations by the end of the month."
