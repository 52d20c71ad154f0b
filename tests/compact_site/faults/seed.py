"""The data every fault test starts from: ``python -m tests.compact_site.faults.seed OUT.json``.

Run once per test session against a freshly migrated database (the template each test copies), with Django
configured from the environment (DATABASE_URL). Writes what the tests need to know (ids, names) to OUT.json.
"""

import datetime
import json
import sys


def seed():
    from django.db import transaction

    from compact_site.public import services as public_services
    from signatories.roles import LSP_MEMBER, OFFICER
    from tests import factories
    from tests.wins.factories import WinFactory
    from wins import services as win_services

    with transaction.atomic():
        compact = factories.CompactFactory()
        officer = factories.officer(username="faults-officer", first_name="Olwen", last_name="Officer")
        # Signed in before the faults, then loses the officer role; stays an LSP member, so still signed in.
        demoted = factories.UserFactory(
            username="faults-demoted", first_name="Dai", last_name="Demoted", roles=[OFFICER, LSP_MEMBER]
        )
        organisation = factories.OrganisationFactory(name="Riverside Food Bank")
        factories.SignatureFactory(compact=compact, organisation=organisation, signed_on=datetime.date(2022, 4, 1))
        other = factories.OrganisationFactory(name="Anytown Borough Council", sector="statutory")
        factories.SignatureFactory(compact=compact, organisation=other, signed_on=datetime.date(2021, 6, 1))
        champion = factories.champion_user(username="faults-champion", organisation=organisation)
        kept = WinFactory(
            compact=compact,
            title="The shared minibus",
            organisations=[organisation],
            recorded_by=champion,
            happened_on=datetime.date(2026, 2, 1),
        )
        hidden = WinFactory(
            compact=compact,
            title="Lunch club for older neighbours",
            organisations=[organisation],
            recorded_by=champion,
            happened_on=datetime.date(2026, 2, 3),
        )
        for win in (kept, hidden):
            win_services.show_on_public_site(win=win, by=officer)
        public_services.update_site_settings(by=officer, is_on=True, publish_scores=True)
    return {
        "password": factories.PASSWORD,
        "officer": officer.username,
        "demoted": demoted.username,
        "champion": champion.username,
        "organisation": {"id": organisation.pk, "name": organisation.name},
        "kept_win": {"id": kept.pk, "title": kept.title},
        "hidden_win": {"id": hidden.pk, "title": hidden.title},
    }


if __name__ == "__main__":
    import django

    django.setup()
    data = seed()
    with open(sys.argv[1], "w") as out:
        json.dump(data, out)
