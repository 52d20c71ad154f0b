import datetime

import pytest

from signatories.models import Sector
from tests import factories

from .factories import BoardFactory, MembershipFactory, NetworkFactory, SeatFactory


@pytest.fixture
def council(db):
    return factories.OrganisationFactory(name="Anytown Council", sector=Sector.STATUTORY)


@pytest.fixture
def network(compact):
    return NetworkFactory(compact=compact, name="Anytown Voluntary Action Forum")


@pytest.fixture
def member(network):
    """A voluntary organisation that belongs to the network."""
    return MembershipFactory(network=network, organisation__name="Riverside Trust").organisation


@pytest.fixture
def board(compact, council):
    return BoardFactory(compact=compact, run_by=council, name="Health and Wellbeing Board")


@pytest.fixture
def seat(board):
    return SeatFactory(board=board, number=1, opened_on=datetime.date(2024, 4, 1))
