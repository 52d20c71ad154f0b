"""The demo's accessibility, privacy and contact details, as Northbrook's officers would fill them in."""

import datetime

from .models import StatementSettings


def fill_in_statements(*, officer, anchor: datetime.date) -> dict[str, int]:
    StatementSettings.objects.create(
        contact_email="compact.team@northbrook.example",
        contact_phone="01632 960 123",
        contact_address="Compact team, Northbrook Borough Council, Town Hall, Northbrook NB1 1AA",
        dpo_email="data.protection@northbrook.example",
        dpo_address="Data Protection Officer, Northbrook Borough Council, Town Hall, Northbrook NB1 1AA",
        lawful_basis_detail="The council's role in working with the voluntary and community sector, which the Compact "
        "sets out.",
        prepared_on=anchor - datetime.timedelta(days=30),
        reviewed_on=anchor - datetime.timedelta(days=30),
        updated_by=officer,
    )
    return {"statement settings": 1}
