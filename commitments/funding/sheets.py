"""Funding decisions from a funder's published 360Giving data: a JSON package, or CSV or Excel in the
standard's column titles. One grant is one funding decision, found again by its 360Giving ``Identifier``.

The reading, preview and confirm pages are the register import's (``signatories.imports``); this module
adds 360Giving grants as one more kind of import. What each column means comes from the standard's
schema (``threesixty``).

- The funder is an active statutory signatory: found by its 360Giving organisation identifier, else by
  name. A name that only resembles a signatory's is a question for the officer in the preview; a funder
  resembling none is an error.
- The recipient is found on the register by identifier, then charity number, then company number, then
  name; one not found is added as an organisation that has not signed, listed in the preview first.
- An identifier a funder or recipient was found without is kept on the organisation, so the next file
  finds it by identifier.
"""

import datetime
import decimal
import re
from collections import defaultdict

from django.conf import settings
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from signatories.imports.files import FileProblem, read_table
from signatories.imports.matching import labels_of, name_key
from signatories.imports.sheets import (
    CHANGED,
    CSV,
    ERROR,
    JSON,
    NEW,
    UNCHANGED,
    XLSX,
    Change,
    Column,
    Note,
    Sheet,
    mark_duplicates,
    register,
    update_with_history,
)
from signatories.imports.validation import (
    CellError,
    choice_lookup,
    clean_charity_number,
    clean_company_number,
    clean_name,
    clean_postcode,
    clean_website,
    parse_date,
    squash,
    text,
)
from signatories.models import Organisation, OrganisationKind, Sector
from signatories.selectors import current_compact

from .. import services
from ..checks import corresponding_day
from ..models import RecordStatus
from ..sheets import StatutoryBodies
from .models import FundingChange, FundingDecision, FundingKind
from .threesixty import NOT_360GIVING, package, read_package, title_of

MOST_AMOUNT = decimal.Decimal("9999999999.99")
YES = {"yes", "y", "true", "1", "accepted", "paid"}
NO = {"no", "n", "false", "0", "notaccepted", "notpaid"}
UNKNOWN = {"", "notknown", "unknown", "dontknow", "na", "notrecorded"}
OUR_IDENTIFIER = re.compile(r"^360G-compact-(\d+)-(\d+)$")


def clean_identifier(value):
    return clean_name(value, max_length=200)


def clean_org_identifier(value):
    value = re.sub(r"\s", "", text(value)).upper()
    if len(value) > 100:
        raise CellError("must be 100 characters or fewer")
    return value


def clean_currency(value):
    value = text(value).upper()
    if value not in ("", "GBP"):
        raise CellError(f"is {value}: amounts are recorded in pounds, so only grants in GBP can be imported")
    return "GBP"


def clean_amount(value):
    """A number of pounds: 12500, 12500.50, "£12,500"; never text or a negative amount."""
    if isinstance(value, bool):
        raise CellError("is not an amount of money: write it in figures, like 12500 or 12500.50")
    if isinstance(value, (int, float, decimal.Decimal)):
        raw = str(value)
    else:
        raw = re.sub(r"[£,\s]", "", text(value))
        if raw.upper().startswith("GBP"):
            raw = raw[3:]
    if not raw:
        return None
    try:
        amount = decimal.Decimal(raw).quantize(decimal.Decimal("0.01"))
    except (decimal.InvalidOperation, ValueError):
        raise CellError("is not an amount of money: write it in figures, like 12500 or 12500.50") from None
    if not amount.is_finite() or amount < 0 or amount > MOST_AMOUNT:
        raise CellError("must be an amount from 0 to 9,999,999,999.99")
    return amount


def clean_grant_date(value):
    """ISO 8601 (2025-04-01, or a date and time like 2025-04-01T09:30:00+01:00), dd/mm/yyyy or an Excel date."""
    if isinstance(value, str) and re.fullmatch(r"\s*\d{4}-\d{1,2}-\d{1,2}[T ]\d{1,2}:\d{2}.*", value):
        value = re.split(r"[T ]", value.strip(), maxsplit=1)[0]
    if isinstance(value, str) and re.fullmatch(r"\s*\d{4}-\d{2}\s*", value):
        value = value.strip() + "-01"  # the standard lets planned dates give only the month
    date = parse_date(value)
    if date is not None and not 1900 <= date.year <= 2200:
        raise CellError(f"is not a likely date ({date:%d/%m/%Y})")
    return date


def clean_months(value):
    raw = text(value)
    if not raw:
        return None
    try:
        months = float(raw)
    except ValueError:
        raise CellError("is not a number of months, like 36") from None
    if not 0 <= months <= 1200 or not months.is_integer():
        raise CellError("must be a whole number of months, like 36")
    return int(months)


def clean_yes_no(value):
    """Yes or no, or not known (an empty cell)."""
    key = squash(text(value))
    if key in YES:
        return True
    if key in NO:
        return False
    if key in UNKNOWN:
        return None
    raise CellError("must be Yes, No or Not known")


def clean_lenient_postcode(value):
    """A recipient's postcode when it is a whole UK postcode; anything else (a partial "NB1") is left out."""
    try:
        return clean_postcode(value)
    except CellError:
        return ""


def last_day_of_grant(day, months):
    """The last day of a grant that starts on ``day`` and lasts ``months`` months (1 April + 12 → 31 March):
    the day before the corresponding day ``months`` later."""
    return corresponding_day(day, months) - datetime.timedelta(days=1)


def org_numbers(identifier):
    """The charity or company number an organisation identifier carries: GB-CHC-1117726, GB-SC-SC012345,
    GB-NIC-100001, GB-COH-04270053."""
    prefix, _, number = identifier.rpartition("-")
    if prefix in ("GB-CHC", "GB-SC", "GB-NIC"):
        number = f"NIC{number}" if prefix == "GB-NIC" and number.isdigit() else number
        try:
            return clean_charity_number(number), ""
        except CellError:
            return "", ""
    if prefix == "GB-COH":
        try:
            return "", clean_company_number(number)
        except CellError:
            return "", ""
    return "", ""


def org_identifier_for(organisation):
    """An organisation's identifier for a 360Giving file: its own, else from its charity or company number."""
    if organisation.identifier:
        return organisation.identifier
    if organisation.charity_number:
        number = organisation.charity_number.replace(" ", "").upper()
        return f"GB-SC-{number}" if number.startswith("SC") else f"GB-CHC-{number}"
    if organisation.company_number:
        return f"GB-COH-{organisation.company_number.replace(' ', '').upper()}"
    return f"360G-compact-org-{organisation.pk}"


YES_NO_FIELDS = ("full_cost_recovery", "paid_in_advance", "rationale_published")
EXTRA_FIELDS = (*YES_NO_FIELDS, "rationale_link", "change", "notice_given_on", "change_takes_effect_on")
DECISION_FIELDS = ("name", "programme", "amount", "decided_on", "starts_on", "ends_on", *EXTRA_FIELDS)
LABELS = labels_of(FundingDecision, DECISION_FIELDS)


def _columns():
    t = title_of
    return (
        Column("identifier", t("id"), clean_identifier, required=True, example="360G-northbrook-2025-001",
               hint="give each grant its 360Giving identifier"),
        Column("title", t("title"), lambda v: clean_name(v), example="Community transport for older people"),
        Column("currency", t("currency"), clean_currency, example="GBP"),
        Column("amount", t("amountAwarded"), clean_amount, required=True, example="45000",
               hint="give the amount awarded"),
        Column("award_date", t("awardDate"), clean_grant_date, required=True, example="2025-03-14",
               hint="give the date of the award"),
        Column("start", t("plannedDates", "startDate"), clean_grant_date, example="2025-04-01"),
        Column("end", t("plannedDates", "endDate"), clean_grant_date, example="2028-03-31"),
        Column("duration", t("plannedDates", "duration"), clean_months, example="36"),
        Column("recipient_id", t("recipientOrganization", "id"), clean_org_identifier, example="GB-CHC-1077654"),
        Column("recipient_name", t("recipientOrganization", "name"), lambda v: clean_name(v), required=True,
               example="Northbrook Community Transport", hint="give the recipient's name"),
        Column("recipient_charity", t("recipientOrganization", "charityNumber"), clean_charity_number,
               example="1077654"),
        Column("recipient_company", t("recipientOrganization", "companyNumber"), clean_company_number,
               example=""),
        Column("recipient_postcode", t("recipientOrganization", "postalCode"), clean_lenient_postcode,
               example="NB1 2AB"),
        Column("funder_id", t("fundingOrganization", "id"), clean_org_identifier, example="GB-LAE-NBK"),
        Column("funder_name", t("fundingOrganization", "name"), lambda v: clean_name(v), required=True,
               example="Northbrook Borough Council", hint="give the funder's name"),
        Column("programme", t("grantProgramme", "title"), lambda v: clean_name(v), example="Community Chest"),
        Column("last_modified", t("dateModified"), clean_grant_date, example="2025-03-20T10:00:00+00:00"),
        Column("full_cost_recovery", t("compact", "fullCostRecovery"), clean_yes_no,
               ("full cost recovery", "fcr"), example="Yes"),
        Column("paid_in_advance", t("compact", "paidInAdvance"), clean_yes_no,
               ("paid in advance", "payment in advance"), example="Yes"),
        Column("rationale_published", t("compact", "rationalePublished"), clean_yes_no,
               ("rationale published",), example="Not known"),
        Column("rationale_link", t("compact", "rationaleLink"), clean_website, ("rationale link",), example=""),
        Column("change", t("compact", "endedOrReduced"),
               choice_lookup([(v, label) for v, label in FundingChange.choices if v], {"cut": "reduced"}),
               ("ended or reduced",), example=""),
        Column("notice_given_on", t("compact", "noticeGivenOn"), clean_grant_date, ("notice given on",),
               example=""),
        Column("change_takes_effect_on", t("compact", "changeTakesEffectOn"), clean_grant_date,
               ("change takes effect on",), example=""),
    )  # fmt: skip


SAMPLE_GRANTS = [
    # identifier, title, amount, award, start, end, recipient id, name, charity, company, programme, fcr, advance
    ("360G-northbrook-2025-001", "Door-to-door transport for older people", "45000", "2025-03-14", "2025-04-01",
     "2028-03-31", "GB-CHC-1077654", "Northbrook Community Transport", "1077654", "", "Community Chest", "Yes", "Yes"),
    ("360G-northbrook-2025-002", "Advice in the community", "18500", "2025-03-14", "2025-04-01", "2026-03-31",
     "GB-CHC-1087123", "Northbrook Citizens Advice", "1087123", "", "Community Chest", "", "Yes"),
    ("360G-northbrook-2025-003", "Repair café start-up", "4750", "2025-05-02", "2025-06-01", "2026-05-31",
     "GB-COH-09876543", "Brook Valley Repair Café CIC", "", "09876543", "Small Grants", "", ""),
]  # fmt: skip


@register
class GrantSheet(Sheet):
    kind = "grants"
    title = "funding decisions (360Giving)"
    filename = "funding-decisions-360giving"
    identity = "by each grant's 360Giving Identifier: a newer file updates the decisions it already brought in"
    done_url = "commitments:funding_list"
    file_formats = (JSON, CSV, XLSX)
    accept = (
        ".json,.csv,.xlsx,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    file_hint = "A 360Giving JSON file, or a CSV file or Excel workbook (.xlsx) with the 360Giving column titles."
    ignore_unknown = True
    already_there = "already recorded"
    upload_intro = (
        "Upload your grants data as published in the 360Giving Data Standard. The JSON template is a small "
        "360Giving sample file: import it to see how it works."
    )

    def __init__(self):
        self.columns = _columns()
        super().__init__()
        self.compact = current_compact()
        self.new_recipients = {}

    # Reading ----------------------------------------------------------------------------------------------

    @property
    def max_bytes(self):
        return settings.GRANTS_IMPORT_MAX_BYTES

    def read(self, data):
        start = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
        limit = self.max_bytes
        table = read_package(data, limit) if start in (b"{", b"[") else read_table(data, limit)
        found = {self.lookup.get(squash(heading)) for heading in table.headings}
        telling = {"identifier", "amount", "award_date", "recipient_name", "funder_name", "recipient_id", "funder_id"}
        if len(found & telling) < 2:
            raise FileProblem(NOT_360GIVING)
        return table

    # Matching ---------------------------------------------------------------------------------------------

    def plan(self, rows):
        headings = self.headings_of()
        if self.compact is None:
            for row in rows:
                row.error(
                    "This is a funding decision, but the Compact has not been set up yet: set it up under About "
                    "the Compact first"
                )
            return
        organisations = list(Organisation.objects.all())
        self.index = {"identifier": {}, "charity": {}, "company": {}, "name": {}}
        for organisation in organisations:
            for how, key in self.keys_of_organisation(organisation):
                if key:
                    self.index[how].setdefault(key, organisation)
        self.learnt = {}  # organisation pk → the identifier a file gave it
        bodies = StatutoryBodies(self, self.index["identifier"])
        existing = {
            decision.grant_identifier: decision
            for decision in FundingDecision.objects.filter(compact=self.compact).exclude(grant_identifier="")
        }
        ours = {}
        for row in rows:
            match = OUR_IDENTIFIER.match(row.values.get("identifier") or "")
            if match and int(match[1]) == self.compact.pk:
                ours[int(match[2])] = row
        if ours:
            for decision in FundingDecision.objects.filter(compact=self.compact, pk__in=list(ours)[:5000]):
                existing.setdefault(f"360G-compact-{self.compact.pk}-{decision.pk}", decision)
        funded = defaultdict(set)
        through = FundingDecision.organisations_funded.through
        for decision_id, organisation_id in through.objects.filter(fundingdecision__compact=self.compact).values_list(
            "fundingdecision_id", "organisation_id"
        ):
            funded[decision_id].add(organisation_id)
        for row in rows:
            values = row.values
            row.label = values.get("title") or values.get("identifier") or ""
            if row.status == ERROR:
                continue
            funder = bodies.find(row, "funder_id", "funder_name", headings)
            recipient = self.recipient_of(row)
            decision = self.decision_values(row, headings)
            if row.status == ERROR or funder is None:
                continue
            row.funder, row.recipient, row.decision = funder, recipient, decision
            row.label = f"{decision['name']}: £{decision['amount']:,} to {values['recipient_name']}"
            row.target = existing.get(values["identifier"])
            if row.target is None:
                row.status = NEW
                continue
            row.changes = self.changes(row.target, decision, funder, recipient, funded[row.target.pk])
            row.status = CHANGED if row.changes else UNCHANGED
        mark_duplicates(rows, lambda row: [("same Identifier", row.values.get("identifier"))], "grant", self.row_word)
        if self.new_recipients:
            self.notes.append(
                Note(
                    "Organisations that will be added to the register, as not signed",
                    [
                        f"{info['name']}{self.numbers_label(info)} – {len(info['grants'])} grant"
                        f"{'s' if len(info['grants']) != 1 else ''}"
                        for info in self.new_recipients.values()
                    ],
                )
            )

    @staticmethod
    def numbers_label(info):
        parts = [
            f"{label} {info[key]}"
            for key, label in (("charity_number", "charity"), ("company_number", "company"), ("identifier", "ID"))
            if info.get(key)
        ]
        return f" ({', '.join(parts)})" if parts else ""

    @staticmethod
    def keys_of_organisation(organisation):
        return [
            ("identifier", organisation.identifier.replace(" ", "").upper()),
            ("charity", organisation.charity_number.replace(" ", "").upper()),
            ("company", organisation.company_number.replace(" ", "").upper()),
            ("name", name_key(organisation.name)),
        ]

    def learn(self, organisation, identifier):
        """Keep the identifier a file gave an organisation found another way, for the next file."""
        if identifier and not organisation.identifier and identifier not in self.index["identifier"]:
            self.learnt[organisation.pk] = identifier
        return organisation

    def recipient_of(self, row):
        values = row.values
        identifier = values.get("recipient_id", "")
        charity, company = org_numbers(identifier) if identifier else ("", "")
        charity = values.get("recipient_charity") or charity
        company = values.get("recipient_company") or company
        for how, key in (
            ("identifier", identifier),
            ("charity", charity),
            ("company", company),
            ("name", name_key(values.get("recipient_name"))),
        ):
            found = self.index[how].get(key) if key else None
            if found is not None:
                return self.learn(found, identifier) if how != "identifier" else found
        key = identifier or charity or company or name_key(values.get("recipient_name"))
        info = self.new_recipients.setdefault(
            key,
            {
                "name": values.get("recipient_name", ""),
                "identifier": identifier,
                "charity_number": charity,
                "company_number": company,
                "postcode": values.get("recipient_postcode", ""),
                "grants": [],
            },
        )
        info["grants"].append(row.number)
        return key

    def decision_values(self, row, headings):
        values = row.values
        starts_on = values.get("start") or values.get("award_date")
        ends_on = values.get("end")
        if ends_on is None and values.get("duration") and starts_on:
            ends_on = last_day_of_grant(starts_on, values["duration"])
        if starts_on and ends_on and ends_on < starts_on:
            row.error(
                f"is before the start date ({starts_on:%d/%m/%Y}): correct whichever is wrong",
                "end" if "end" in row.cells else "duration",
                headings,
            )
        recipient = values.get("recipient_name", "")
        name = values.get("title") or (f"{values.get('programme') or 'Grant'}: {recipient}")[:200]
        decision = {
            "name": name,
            "programme": values.get("programme", ""),
            "amount": values.get("amount"),
            "decided_on": values.get("award_date"),
            "starts_on": starts_on,
            "ends_on": ends_on,
            "grant_identifier": values.get("identifier", ""),
        }
        for field in EXTRA_FIELDS:
            value = values.get(field)
            if value not in (None, ""):
                decision[field] = value
        return decision

    def changes(self, decision, values, funder, recipient, funded):
        changes = []
        for field in DECISION_FIELDS:
            if field not in values:
                continue  # not in the file: what is recorded stays (a yes or no set from the list, say)
            old, new = getattr(decision, field), values[field]
            if (field in ("ends_on", "programme") or new not in ("", None)) and old != new:
                changes.append(Change(LABELS[field], show(old), show(new)))
        if decision.body_id != funder.pk:
            changes.append(Change("Statutory body", str(decision.body_id and decision.body), funder.name))
        recipient_pk = recipient.pk if isinstance(recipient, Organisation) else None
        if funded != {recipient_pk}:
            name = recipient.name if recipient_pk else self.new_recipients[recipient]["name"]
            changes.append(Change("Organisation funded", f"{len(funded)} organisation(s)", name))
        return changes

    # Writing ----------------------------------------------------------------------------------------------

    def apply(self, rows, *, by, reason):
        now = timezone.now()
        created_organisations = [
            Organisation(
                name=info["name"],
                sector=Sector.VOLUNTARY,
                kind=OrganisationKind.CHARITY if info["charity_number"] else OrganisationKind.OTHER,
                charity_number=info["charity_number"],
                company_number=info["company_number"],
                identifier=info["identifier"],
                postcode=info["postcode"],
            )
            for info in self.new_recipients.values()
        ]
        if created_organisations:
            created_organisations = bulk_create_with_history(
                created_organisations, Organisation, batch_size=500, default_user=by, default_change_reason=reason
            )
        recipients = dict(zip(self.new_recipients, created_organisations, strict=True))
        if self.learnt:
            learnt = list(Organisation.objects.filter(pk__in=list(self.learnt)))
            for organisation in learnt:
                organisation.identifier, organisation.updated_at = self.learnt[organisation.pk], now
            update_with_history(learnt, Organisation, ["identifier", "updated_at"], by=by, reason=reason)

        def recipient_pk(row):
            return row.recipient.pk if isinstance(row.recipient, Organisation) else recipients[row.recipient].pk

        new = [row for row in rows if row.status == NEW]
        decisions = [
            FundingDecision(
                compact=self.compact,
                body=row.funder,
                funding_kind=FundingKind.GRANT,
                status=RecordStatus.VERIFIED,
                reported_by=by,
                verified_by=by,
                verified_at=now,
                created_at=now,
                **row.decision,
            )
            for row in new
        ]
        created = (
            bulk_create_with_history(
                decisions, FundingDecision, batch_size=500, default_user=by, default_change_reason=reason
            )
            if decisions
            else []
        )
        saved = {decision.grant_identifier: decision for decision in created}
        through = FundingDecision.organisations_funded.through
        links = [
            through(fundingdecision_id=saved[row.decision["grant_identifier"]].pk, organisation_id=recipient_pk(row))
            for row in new
        ]
        changed = [row for row in rows if row.status == CHANGED]
        for row in changed:
            for field, value in row.decision.items():
                if field != "grant_identifier" or not row.target.grant_identifier:
                    setattr(row.target, field, value)
            row.target.body, row.target.updated_at = row.funder, now
        fields = [*DECISION_FIELDS, "grant_identifier", "body", "updated_at"]
        update_with_history([row.target for row in changed], FundingDecision, fields, by=by, reason=reason)
        if changed:
            through.objects.filter(fundingdecision_id__in=[row.target.pk for row in changed]).delete()
            links += [through(fundingdecision_id=row.target.pk, organisation_id=recipient_pk(row)) for row in changed]
        through.objects.bulk_create(links, batch_size=1000)
        services.check_new_records(list(saved.values()))
        for row in changed:
            services.run_checks(row.target)

    # Exporting --------------------------------------------------------------------------------------------

    def export_rows(self):
        compact = self.compact
        if compact is None:
            return
        decisions = (
            FundingDecision.objects.filter(compact=compact)
            .select_related("body")
            .prefetch_related("organisations_funded")
            .order_by("decided_on", "id")
        )
        for decision in decisions.iterator(chunk_size=1000):
            recipients = sorted(decision.organisations_funded.all(), key=lambda organisation: organisation.name)
            if not recipients:
                continue  # the standard needs a recipient: a decision that names none cannot be published
            recipient = recipients[0]
            yield [
                decision.grant_identifier or f"360G-compact-{compact.pk}-{decision.pk}",
                decision.name,
                "GBP",
                decision.amount,
                decision.decided_on.isoformat(),
                decision.starts_on.isoformat(),
                decision.ends_on.isoformat() if decision.ends_on else "",
                "",
                org_identifier_for(recipient),
                recipient.name,
                recipient.charity_number,
                recipient.company_number,
                recipient.postcode,
                org_identifier_for(decision.body),
                decision.body.name,
                decision.programme,
                decision.updated_at.isoformat(timespec="seconds"),
                *(yes_no(getattr(decision, name)) for name in YES_NO_FIELDS),
                decision.rationale_link,
                decision.get_change_display() if decision.change else "",
                decision.notice_given_on.isoformat() if decision.notice_given_on else "",
                decision.change_takes_effect_on.isoformat() if decision.change_takes_effect_on else "",
            ]

    def template_rows(self):
        """A small 360Giving sample: three grants of the demo council, two to organisations on the demo register."""
        for grant in SAMPLE_GRANTS:
            (
                identifier,
                title,
                amount,
                award,
                start,
                end,
                recipient_id,
                name,
                charity,
                company,
                programme,
                fcr,
                advance,
            ) = grant
            yield [
                identifier, title, "GBP", amount, award, start, end, "", recipient_id, name, charity, company, "",
                "GB-LAE-NBK", "Northbrook Borough Council", programme, f"{award}T09:00:00+00:00", fcr, advance, "", "", "", "",
                "",
            ]  # fmt: skip

    def write(self, rows, file_format):
        """Rows in the column order as a 360Giving JSON package (valid against the standard's schema)."""
        headings = [column.heading for column in self.columns]
        grants = []
        for row in rows:
            grant = dict(zip(headings, row, strict=True))
            for column in self.columns:
                value = grant[column.heading]
                if column.key == "amount" and value not in ("", None):
                    number = decimal.Decimal(str(value))
                    grant[column.heading] = int(number) if number == number.to_integral_value() else float(number)
                elif column.key == "duration" and value not in ("", None):
                    grant[column.heading] = int(value)
                elif column.key in YES_NO_FIELDS:
                    grant[column.heading] = clean_yes_no(value)
            grant[title_of("description")] = grant[title_of("title")]
            grants.append(grant)
        return package(grants)


def yes_no(value):
    return "" if value is None else "Yes" if value else "No"


def show(value):
    if value in ("", None):
        return "(empty)"
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    return value
