"""Exports a council can publish from: funding decisions as 360Giving JSON (valid against the standard's
schema) and CSV in its titles, consultations as CSV; each imports again into an empty database unchanged."""

import csv
import datetime
import io
import json

import jsonschema
import pytest
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from commitments.funding import threesixty
from commitments.models import Consultation, FundingDecision
from signatories.models import Organisation
from tests import factories
from tests.commitments import builders
from tests.commitments.builders import signed_statutory_body
from tests.signatories.imports.spreadsheets import confirm, preview_of

from .grants import grant, package

pytestmark = pytest.mark.django_db


def package_validator():
    grant_schema = threesixty.schema(threesixty.GRANT_SCHEMA)
    # The standard writes its dialect as http://…/2020-12/schema, which referencing does not know by that name.
    resource = DRAFT202012.create_resource(grant_schema)
    package_schema = threesixty.schema(threesixty.PACKAGE_SCHEMA)
    registry = Registry().with_resources(
        [(grant_schema["$id"], resource), (package_schema["properties"]["grants"]["items"]["$ref"], resource)]
    )
    return jsonschema.Draft202012Validator(
        package_schema, registry=registry, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def errors_of(data):
    return [f"{list(error.absolute_path)}: {error.message}" for error in package_validator().iter_errors(data)]


def test_the_validator_is_strict_enough_to_fail():
    """The test below would pass with any validator that passes everything: this one refuses a bad grant."""
    bad = {"grants": [{"id": "x", "awardDate": "31/02/2014", "amountAwarded": "ten", "currency": "Pounds"}]}

    assert len(errors_of(bad)) >= 3


@pytest.fixture
def recorded(compact, officer):
    """A council's funding as the service holds it: imported grants and decisions typed into the forms."""
    council = signed_statutory_body(compact)
    charity = factories.OrganisationFactory(name="Riverside Food Bank", charity_number="1154321")
    company = factories.OrganisationFactory(name="Repair Café CIC", company_number="04270053", charity_number="")
    builders.funding(
        compact=compact,
        by=officer,
        body=council,
        organisations_funded=[charity],
        name="Food support",
        amount=12500,
        starts_on=datetime.date(2026, 4, 1),
        ends_on=datetime.date(2029, 3, 31),
        full_cost_recovery=True,
        paid_in_advance=False,
        change="reduced",
        notice_given_on=datetime.date(2026, 6, 1),
        change_takes_effect_on=datetime.date(2026, 10, 1),
    )
    builders.funding(
        compact=compact, by=officer, body=council, organisations_funded=[company], name="Repairs", amount=950.5
    )
    return council


def test_the_360giving_json_export_is_valid_against_the_standards_schema(officer_client, recorded):
    response = officer_client.get("/register/export/grants.json")

    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    assert len(data["grants"]) == 2
    assert errors_of(data) == []
    food = next(g for g in data["grants"] if g["title"] == "Food support")
    assert food["recipientOrganization"][0] == {
        "id": "GB-CHC-1154321",
        "name": "Riverside Food Bank",
        "charityNumber": "1154321",
    }
    assert food["amountAwarded"] == 12500 and food["currency"] == "GBP"
    assert food["compact"]["fullCostRecovery"] is True and food["compact"]["paidInAdvance"] is False


def test_the_sample_file_is_valid_360giving(officer_client):
    assert errors_of(json.loads(officer_client.get("/register/import/grants/template.json").content)) == []


def test_the_csv_export_uses_the_standards_titles(officer_client, recorded):
    text = officer_client.get("/register/export/grants.csv").content.decode("utf-8-sig")
    headings = next(csv.reader(io.StringIO(text)))

    for title in ("Identifier", "Amount Awarded", "Award Date", "Recipient Org:Identifier", "Funding Org:Name"):
        assert title in headings
    assert "Compact:Full Cost Recovery" in headings


def snapshot():
    return sorted(
        (
            decision.name,
            decision.body.name,
            decision.amount,
            decision.decided_on,
            decision.starts_on,
            decision.ends_on,
            decision.full_cost_recovery,
            decision.paid_in_advance,
            decision.rationale_published,
            decision.change,
            decision.notice_given_on,
            decision.change_takes_effect_on,
            tuple(sorted(o.name for o in decision.organisations_funded.all())),
            tuple(sorted((c.commitment.rule, c.result) for c in decision.checks.select_related("commitment"))),
        )
        for decision in FundingDecision.objects.select_related("body")
    )


def empty_the_database_but_the_council(council_name):
    """An empty service elsewhere: the same statutory signatory, nothing else."""
    FundingDecision.objects.all().delete()
    Organisation.objects.exclude(name=council_name).exclude(signatures__isnull=False).delete()


@pytest.mark.parametrize("file_format", ["json", "csv", "xlsx"])
def test_export_then_import_into_an_empty_database_gives_the_same_records(officer_client, recorded, file_format):
    before = snapshot()
    exported = officer_client.get(f"/register/export/grants.{file_format}").content
    empty_the_database_but_the_council(recorded.name)
    assert FundingDecision.objects.count() == 0

    page = preview_of(officer_client, exported, f"grants.{file_format}", kind="grants")
    assert page.context["preview"].can_confirm, [p for row in page.context["preview"].errors for p in row.errors]
    confirm(officer_client, page)

    assert snapshot() == before


def test_importing_its_own_export_again_changes_nothing(officer_client, recorded):
    exported = officer_client.get("/register/export/grants.json").content

    page = preview_of(officer_client, exported, "grants.json", kind="grants")

    assert page.context["preview"].counts["unchanged"] == 2 and FundingDecision.objects.count() == 2


def test_an_imported_file_exports_with_its_grant_identifiers(officer_client, compact):
    signed_statutory_body(compact)
    page = preview_of(officer_client, package(grant(1), grant(2)), "g.json", kind="grants")
    confirm(officer_client, page)

    data = json.loads(officer_client.get("/register/export/grants.json").content)

    assert sorted(g["id"] for g in data["grants"]) == ["360G-anytown-0001", "360G-anytown-0002"]
    assert errors_of(data) == []


def test_consultations_export_as_csv_and_import_again_into_an_empty_database(officer_client, compact, officer):
    council = signed_statutory_body(compact)
    builders.consultation(compact=compact, by=officer, body=council, title="Library hours", sector_involved="yes")
    builders.consultation(compact=compact, by=officer, body=council, title="Bus routes", weeks=8)

    def consultations():
        return sorted(
            (c.title, c.body_id, c.opened_on, c.closes_on, c.sector_involved, c.early_notice_on, c.link)
            for c in Consultation.objects.all()
        )

    before = consultations()
    exported = officer_client.get("/register/export/consultations.csv").content
    Consultation.objects.all().delete()

    page = preview_of(officer_client, exported, "consultations.csv", kind="consultations")
    assert page.context["preview"].can_confirm
    confirm(officer_client, page)

    assert consultations() == before
