"""Small builders for the commitments tests: records made through the services, as the pages make them, and
the data a person posts in the record forms."""

import datetime

from commitments import services
from signatories.models import Organisation, OrganisationKind, Sector
from tests import factories

D = datetime.date


def statutory_body(name="Anytown Borough Council"):
    body, _ = Organisation.objects.get_or_create(
        name=name, defaults={"sector": Sector.STATUTORY, "kind": OrganisationKind.COUNCIL}
    )
    return body


def signed_statutory_body(compact):
    """A statutory body that has signed ``compact``, so the record forms offer it."""
    council = statutory_body()
    factories.SignatureFactory(compact=compact, organisation=council)
    return council


def date(name, day):
    """A date as the form's three boxes (day, month, year) post it."""
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}


def consultation_form(body, **fields):
    data = {
        "body": str(body.pk),
        "title": "Library service review",
        "link": "",
        "sector_involved": "not_known",
        "sector_involvement": "",
        "feedback_link": "",
        "shorter_reason": "",
        **date("opened_on", D(2026, 7, 6)),
        **date("closes_on", D(2026, 8, 3)),
    }
    return data | fields


def funding_form(body, **fields):
    data = {
        "body": str(body.pk),
        "name": "Youth club grants",
        "funding_kind": "grant",
        "amount": "8000",
        "full_cost_recovery": "no",
        "paid_in_advance": "yes",
        "rationale_published": "not_known",
        "rationale_link": "",
        "change": "",
        "change_reason": "",
        **date("decided_on", D(2026, 2, 1)),
        **date("starts_on", D(2026, 4, 1)),
        **date("ends_on", D(2027, 3, 31)),
    }
    return data | fields


def consultation(*, compact, by, body=None, opened_on=datetime.date(2026, 1, 5), weeks=12, days=0, **fields):
    values = {
        "body": body or statutory_body(),
        "title": "Budget consultation",
        "link": "",
        "opened_on": opened_on,
        "closes_on": opened_on + datetime.timedelta(weeks=weeks, days=days),
        "early_notice_on": None,
        "sector_involved": "",
        "sector_involvement": "",
        "feedback_published_on": None,
        "feedback_link": "",
        "shorter_reason": "",
    }
    values.update(fields)
    return services.record(kind="consultation", compact=compact, by=by, **values)


def funding(*, compact, by, body=None, organisations_funded=(), **fields):
    values = {
        "body": body or statutory_body(),
        "name": "Community grants",
        "funding_kind": "grant",
        "amount": 25000,
        "decided_on": datetime.date(2026, 2, 1),
        "starts_on": datetime.date(2026, 4, 1),
        "ends_on": datetime.date(2029, 3, 31),
        "full_cost_recovery": True,
        "paid_in_advance": True,
        "rationale_published": True,
        "rationale_link": "",
        "change": "",
        "notice_given_on": None,
        "change_takes_effect_on": None,
        "change_reason": "",
    }
    values.update(fields)
    return services.record(kind="funding", compact=compact, by=by, organisations_funded=organisations_funded, **values)


def result(record, rule):
    return record.checks.get(commitment__rule=rule).result
