"""The register's three imports: organisations (with their signature), champions and endorsements.

Each sheet matches the file's rows to records on the register and never merges silently: a row that
could be two records, or two rows that look like one record, are errors for the officer to resolve.
Organisations are matched by charity number, then company number, then a normalised name.
"""

from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from ..models import Champion, Endorsement, EndorsementKind, Organisation, OrganisationKind, Sector, Signature
from ..selectors import current_compact
from .defaults import fill_in_new_organisation, fill_in_signature
from .names import name_key
from .sheets import (
    CHANGED,
    ERROR,
    NEW,
    UNCHANGED,
    Change,
    Column,
    Sheet,
    changes_between,
    mark_duplicates,
    register,
    update_with_history,
)
from .validation import (
    choice_lookup,
    clean_charity_number,
    clean_company_number,
    clean_email,
    clean_long_text,
    clean_name,
    clean_past_date,
    clean_postcode,
    clean_website,
)

SECTOR_SYNONYMS = {
    "voluntary": Sector.VOLUNTARY,
    "community": Sector.VOLUNTARY,
    "vcs": Sector.VOLUNTARY,
    "vcse": Sector.VOLUNTARY,
    "third sector": Sector.VOLUNTARY,
    "voluntary community and social enterprise": Sector.VOLUNTARY,
    "public": Sector.STATUTORY,
    "public sector": Sector.STATUTORY,
}
KIND_SYNONYMS = {
    "council": OrganisationKind.COUNCIL,
    "local authority": OrganisationKind.COUNCIL,
    "nhs": OrganisationKind.HEALTH,
    "health": OrganisationKind.HEALTH,
    "school": OrganisationKind.EDUCATION,
    "college": OrganisationKind.EDUCATION,
    "university": OrganisationKind.EDUCATION,
    "housing association": OrganisationKind.HOUSING,
    "cvs": OrganisationKind.CVS,
    "community group": OrganisationKind.COMMUNITY_GROUP,
    "faith": OrganisationKind.FAITH,
    "business": OrganisationKind.BUSINESS,
}
ENDORSEMENT_SYNONYMS = {"councillor": EndorsementKind.ELECTED_MEMBER, "senior officer": EndorsementKind.SENIOR_OFFICER}

ORGANISATION_FIELDS = [
    "name",
    "sector",
    "kind",
    "charity_number",
    "company_number",
    "website",
    "address",
    "postcode",
    "email",
]
SIGNATURE_FIELDS = ["signed_on", "signed_by_name", "signed_by_role"]


def labels_of(model, fields):
    return {name: str(model._meta.get_field(name).verbose_name).capitalize() for name in fields}


@register
class OrganisationSheet(Sheet):
    kind = "organisations"
    title = "organisations"
    filename = "organisations"
    fills_in = True  # a new organisation's kind and sector, and who signed (``defaults``)
    identity = (
        "by charity number, then company number, then name (ignoring case, accents, apostrophes, punctuation, "
        "“&” or “and”, “Ltd” or “Limited” and a leading “The”)"
    )
    columns = (
        Column(
            "name",
            "Name",
            clean_name,
            ("organisation", "organisation name", "organization", "name of organisation"),
            required=True,
            example="Northbrook Community Transport",
            hint="enter the organisation's name",
        ),
        Column("sector", "Sector", choice_lookup(Sector.choices, SECTOR_SYNONYMS), example="Voluntary and community"),
        Column(
            "kind",
            "Kind",
            choice_lookup(OrganisationKind.choices, KIND_SYNONYMS),
            ("type", "kind of organisation", "organisation type"),
            example="Charity",
        ),
        Column(
            "charity_number",
            "Charity number",
            clean_charity_number,
            (
                "charity no",
                "charity no.",
                "registered charity number",
                "charity reg no",
                "charity registration number",
                "rcn",
            ),
            example="1234567",
        ),
        Column(
            "company_number",
            "Company number",
            clean_company_number,
            ("company no", "company reg no", "company registration number", "companies house number", "crn"),
            example="01234567",
        ),
        Column(
            "website",
            "Website",
            clean_website,
            ("web", "url", "web site", "web address"),
            example="https://www.example.org",
        ),
        Column(
            "address",
            "Address",
            clean_long_text,
            ("postal address", "street address"),
            example="1 High Street, Northbrook",
        ),
        Column("postcode", "Postcode", clean_postcode, ("post code", "postal code", "zip"), example="NB1 2AB"),
        Column(
            "email",
            "Main email",
            clean_email,
            ("email", "e-mail", "email address", "contact email"),
            example="info@example.org",
        ),
        Column(
            "signed_on",
            "Signed on",
            clean_past_date,
            ("date signed", "signed", "signature date", "signing date"),
            example="03/03/2025",
        ),
        Column(
            "signed_by_name",
            "Signed by",
            clean_name,
            ("signatory", "who signed", "signed by name"),
            example="Sam Patel",
        ),
        Column(
            "signed_by_role",
            "Signed by role",
            clean_name,
            ("role", "their role", "signatory role", "position of signatory"),
            example="Chief Executive",
        ),
    )

    def __init__(self):
        super().__init__()
        self.compact = current_compact()
        self.labels = labels_of(Organisation, ORGANISATION_FIELDS) | labels_of(Signature, SIGNATURE_FIELDS)

    def plan(self, rows):
        organisations = list(Organisation.objects.all())
        by_charity, by_company, by_name = {}, {}, {}
        for organisation in organisations:
            if organisation.charity_number:
                by_charity.setdefault(organisation.charity_number.replace(" ", "").upper(), []).append(organisation)
            if organisation.company_number:
                by_company.setdefault(organisation.company_number.replace(" ", "").upper(), []).append(organisation)
            by_name.setdefault(name_key(organisation.name), []).append(organisation)
        signatures = {}
        if self.compact is not None:
            active = Signature.objects.filter(compact=self.compact, withdrawn_on__isnull=True)
            signatures = {signature.organisation_id: signature for signature in active}
        headings = self.headings_of()
        for row in rows:
            if row.status == ERROR:
                row.label = row.values.get("name", "")
                continue
            self.match(row, by_charity, by_company, by_name, headings)
            if row.status != ERROR:
                self.compare(row, signatures, headings)
        mark_duplicates(rows, self.keys_of, "organisation")

    def match(self, row, by_charity, by_company, by_name, headings):
        values = row.values
        row.label = values["name"]
        found = {}
        for how, key, index in (
            ("charity number", values.get("charity_number"), by_charity),
            ("company number", values.get("company_number"), by_company),
            ("name", name_key(values["name"]), by_name),
        ):
            for organisation in index.get(key, []) if key else []:
                found.setdefault(organisation.pk, (organisation, how))
        if len(found) > 1:
            names = " and ".join(f"{organisation.name} (by {how})" for organisation, how in found.values())
            row.error(
                f"Row {row.number} matches two organisations on the register: {names}. "
                "Correct the row so it points at one of them"
            )
            return
        if found:
            organisation, how = next(iter(found.values()))
            for number in ("charity_number", "company_number"):
                mine, theirs = values.get(number), getattr(organisation, number)
                if mine and theirs and mine != theirs.replace(" ", "").upper():
                    row.error(
                        f"matches {organisation.name} on the register by {how}, whose {self.labels[number].lower()} "
                        f"is {theirs}: correct whichever is wrong",
                        number,
                        headings,
                    )
                    return
            row.target = organisation
            return
        fill_in_new_organisation(row, headings)

    def compare(self, row, signatures, headings):
        values = row.values
        signing = [name for name in SIGNATURE_FIELDS if values.get(name) not in ("", None)]
        signature = signatures.get(row.target.pk) if row.target else None
        if signing and signature is None:
            if self.compact is None:
                row.error(
                    f"Row {row.number} records a signature, but the Compact has not been set up yet: "
                    "set it up under About the Compact, then upload the file again"
                )
                return
            for name in SIGNATURE_FIELDS:
                if name in signing:
                    continue
                if name in row.cells:
                    row.error("is empty: a signature needs the date, who signed and their role", name, headings)
                elif name == "signed_on":
                    row.error(
                        f"Row {row.number} records a signature, and the file has no {self.by_key[name].heading} column: add one"
                    )
                else:  # who signed, or their role: rarely a column of its own
                    fill_in_signature(row, name, headings[name])
            if row.status == ERROR:
                return
        if row.target is None:
            row.status = NEW
            return
        row.changes = changes_between(row.target, values, ORGANISATION_FIELDS, self.labels)
        if signature is not None:
            row.changes += changes_between(signature, values, SIGNATURE_FIELDS, self.labels)
        elif signing:
            row.changes.append(Change("Signature", "(not signed)", f"signed on {values['signed_on']:%d/%m/%Y}"))
        row.status = CHANGED if row.changes else UNCHANGED
        row.signature = signature

    @staticmethod
    def keys_of(row):
        if row.target is not None:
            return [("same organisation on the register", row.target.pk)]
        values = row.values
        return [
            ("same charity number", values.get("charity_number")),
            ("same company number", values.get("company_number")),
            ("same name", name_key(values.get("name"))),
        ]

    def apply(self, rows, *, by, reason):
        now = timezone.now()
        created, changed, new_signatures, changed_signatures = [], [], [], []
        for row in rows:
            values = row.values
            if row.status == NEW:
                organisation = Organisation(**{name: values.get(name) or "" for name in ORGANISATION_FIELDS})
                created.append((organisation, row))
            elif row.status == CHANGED:
                organisation = row.target
                for name in ORGANISATION_FIELDS:
                    if values.get(name) not in ("", None):
                        setattr(organisation, name, values[name])
                organisation.updated_at = now
                changed.append(organisation)
                signature = row.signature
                if signature is not None and any(values.get(n) not in ("", None) for n in SIGNATURE_FIELDS):
                    for name in SIGNATURE_FIELDS:
                        if values.get(name) not in ("", None):
                            setattr(signature, name, values[name])
                    changed_signatures.append(signature)
        if created:
            bulk_create_with_history(
                [o for o, _ in created], Organisation, batch_size=500, default_user=by, default_change_reason=reason
            )
        saved = (
            {
                organisation.name: organisation
                for organisation in Organisation.objects.filter(name__in=[o.name for o, _ in created])
            }
            if created
            else {}
        )
        for row in rows:
            if row.status in (NEW, CHANGED) and row.values.get("signed_on") and getattr(row, "signature", None) is None:
                organisation = saved[row.values["name"]] if row.status == NEW else row.target
                new_signatures.append(
                    Signature(
                        compact=self.compact,
                        organisation=organisation,
                        **{name: row.values[name] for name in SIGNATURE_FIELDS},
                    )
                )
        update_with_history(changed, Organisation, ORGANISATION_FIELDS + ["updated_at"], by=by, reason=reason)
        if new_signatures:
            bulk_create_with_history(
                new_signatures, Signature, batch_size=500, default_user=by, default_change_reason=reason
            )
        update_with_history(changed_signatures, Signature, SIGNATURE_FIELDS, by=by, reason=reason)

    def export_rows(self):
        signatures = {}
        if self.compact is not None:
            for signature in Signature.objects.filter(compact=self.compact, withdrawn_on__isnull=True):
                signatures[signature.organisation_id] = signature
        for organisation in Organisation.objects.order_by("name").iterator(chunk_size=1000):
            signature = signatures.get(organisation.pk)
            yield [
                organisation.name,
                organisation.get_sector_display(),
                organisation.get_kind_display(),
                organisation.charity_number,
                organisation.company_number,
                organisation.website,
                organisation.address,
                organisation.postcode,
                organisation.email,
                signature.signed_on if signature else None,
                signature.signed_by_name if signature else "",
                signature.signed_by_role if signature else "",
            ]


def organisations_by_name():
    index = {}
    for organisation in Organisation.objects.only("id", "name"):
        index.setdefault(name_key(organisation.name), []).append(organisation)
    return index


def find_organisation(row, index, headings):
    """The organisation a row names, by the same normalised name the organisations import uses."""
    name = row.values.get("organisation", "")
    matches = index.get(name_key(name), [])
    if not matches:
        row.error(
            f"is not an organisation on the register ({name}): import the organisations first, or check the spelling",
            "organisation",
            headings,
        )
        return None
    return matches[0]


CHAMPION_FIELDS = ["name", "email", "phone", "job_title", "appointed_on", "support_needs"]


@register
class ChampionSheet(Sheet):
    kind = "champions"
    title = "champions"
    filename = "champions"
    identity = "within their organisation, by email address, then by name"
    columns = (
        Column(
            "name",
            "Name",
            clean_name,
            ("champion", "champion name", "full name"),
            required=True,
            example="Alex Jones",
            hint="enter the champion's name",
        ),
        Column("email", "Email", clean_email, ("email address", "e-mail"), example="alex.jones@example.org"),
        Column(
            "phone",
            "Phone",
            lambda value: clean_name(value, max_length=40),
            ("telephone", "phone number", "tel", "mobile"),
            example="01234 567890",
        ),
        Column("job_title", "Job title", clean_name, ("title", "role", "position"), example="Volunteer Coordinator"),
        Column(
            "organisation",
            "Organisation",
            clean_name,
            ("organisation name", "organization", "employer"),
            required=True,
            example="Northbrook Community Transport",
            hint="enter the champion's organisation",
        ),
        Column(
            "appointed_on",
            "Champion since",
            clean_past_date,
            ("appointed", "appointed on", "date appointed", "since", "start date"),
            example="03/03/2025",
        ),
        Column(
            "support_needs",
            "Support needs",
            clean_long_text,
            ("support", "needs", "support needed"),
            example="Time to attend the champions' network",
        ),
    )

    def __init__(self):
        super().__init__()
        self.labels = labels_of(Champion, CHAMPION_FIELDS)

    def plan(self, rows):
        index = organisations_by_name()
        by_email, by_name = {}, {}
        for champion in Champion.objects.all():
            if champion.email:
                by_email.setdefault((champion.organisation_id, champion.email.lower()), champion)
            by_name.setdefault((champion.organisation_id, name_key(champion.name)), champion)
        headings = self.headings_of()
        for row in rows:
            row.label = row.values.get("name", "")
            if row.status == ERROR:
                continue
            organisation = find_organisation(row, index, headings)
            if organisation is None:
                continue
            row.organisation = organisation
            email = row.values.get("email")
            row.target = (by_email.get((organisation.pk, email)) if email else None) or by_name.get(
                (organisation.pk, name_key(row.values["name"]))
            )
            if row.target is None:
                if not row.values.get("appointed_on"):
                    row.error(
                        "is empty: enter the date they became a champion", "appointed_on", headings
                    ) if "appointed_on" in row.cells else row.error(
                        f"Row {row.number} is a new champion, and the file has no Champion since column: add one"
                    )
                continue
            row.changes = changes_between(row.target, row.values, CHAMPION_FIELDS, self.labels)
            row.status = CHANGED if row.changes else UNCHANGED
        mark_duplicates(rows, self.keys_of, "champion")

    @staticmethod
    def keys_of(row):
        if row.target is not None:
            return [("same champion on the register", row.target.pk)]
        organisation = getattr(row, "organisation", None)
        email = row.values.get("email")
        return [
            ("same email address", (organisation.pk, email) if organisation and email else None),
            ("same name", (organisation.pk, name_key(row.values.get("name"))) if organisation else None),
        ]

    def apply(self, rows, *, by, reason):
        now = timezone.now()
        created, changed = [], []
        for row in rows:
            if row.status == NEW:
                created.append(
                    Champion(
                        organisation=row.organisation,
                        **{name: row.values.get(name) or "" for name in CHAMPION_FIELDS if name != "appointed_on"},
                        appointed_on=row.values["appointed_on"],
                    )
                )
            elif row.status == CHANGED:
                for name in CHAMPION_FIELDS:
                    if row.values.get(name) not in ("", None):
                        setattr(row.target, name, row.values[name])
                row.target.updated_at = now
                changed.append(row.target)
        if created:
            bulk_create_with_history(created, Champion, batch_size=500, default_user=by, default_change_reason=reason)
        update_with_history(changed, Champion, CHAMPION_FIELDS + ["updated_at"], by=by, reason=reason)

    def export_rows(self):
        for champion in Champion.objects.select_related("organisation").order_by("organisation__name", "name", "id"):
            yield [
                champion.name,
                champion.email,
                champion.phone,
                champion.job_title,
                champion.organisation.name,
                champion.appointed_on,
                champion.support_needs,
            ]


ENDORSEMENT_FIELDS = ["name", "position", "kind", "endorsed_on"]


@register
class EndorsementSheet(Sheet):
    kind = "endorsements"
    title = "endorsements"
    filename = "endorsements"
    identity = "by organisation, name and date"
    columns = (
        Column(
            "name",
            "Name",
            clean_name,
            ("endorsed by", "full name"),
            required=True,
            example="Cllr Jo Smith",
            hint="enter the name of the person endorsing the Compact",
        ),
        Column(
            "position",
            "Position",
            clean_name,
            ("job title", "title", "role"),
            required=True,
            example="Leader of the Council",
            hint="enter their position",
        ),
        Column(
            "kind",
            "Kind",
            choice_lookup(EndorsementKind.choices, ENDORSEMENT_SYNONYMS),
            ("position kind", "type", "kind of position"),
            required=True,
            example="Elected member",
            hint="enter Senior leader, Elected member or Senior officer of a service directorate",
        ),
        Column(
            "organisation",
            "Organisation",
            clean_name,
            ("organisation name", "organization"),
            required=True,
            example="Northbrook Borough Council",
            hint="enter their organisation",
        ),
        Column(
            "endorsed_on",
            "Date",
            clean_past_date,
            ("endorsed on", "date endorsed", "endorsement date"),
            required=True,
            example="03/03/2025",
            hint="enter the date they endorsed the Compact",
        ),
    )

    def __init__(self):
        super().__init__()
        self.compact = current_compact()
        self.labels = labels_of(Endorsement, ENDORSEMENT_FIELDS)

    def plan(self, rows):
        index = organisations_by_name()
        existing = {}
        if self.compact is not None:
            for endorsement in Endorsement.objects.filter(compact=self.compact):
                existing.setdefault(
                    (endorsement.organisation_id, name_key(endorsement.name), endorsement.endorsed_on), endorsement
                )
        headings = self.headings_of()
        for row in rows:
            row.label = row.values.get("name", "")
            if row.status == ERROR:
                continue
            if self.compact is None:
                row.error(
                    f"Row {row.number} is an endorsement, but the Compact has not been set up yet: set it up "
                    "under About the Compact, then upload the file again"
                )
                continue
            organisation = find_organisation(row, index, headings)
            if organisation is None:
                continue
            row.organisation = organisation
            row.key = (organisation.pk, name_key(row.values["name"]), row.values["endorsed_on"])
            row.target = existing.get(row.key)
            if row.target is None:
                continue
            row.changes = changes_between(row.target, row.values, ENDORSEMENT_FIELDS, self.labels)
            row.status = CHANGED if row.changes else UNCHANGED
        mark_duplicates(
            rows, lambda row: [("same name, organisation and date", getattr(row, "key", None))], "endorsement"
        )

    def apply(self, rows, *, by, reason):
        created, changed = [], []
        for row in rows:
            if row.status == NEW:
                created.append(
                    Endorsement(
                        compact=self.compact,
                        organisation=row.organisation,
                        **{name: row.values[name] for name in ENDORSEMENT_FIELDS},
                    )
                )
            elif row.status == CHANGED:
                for name in ENDORSEMENT_FIELDS:
                    setattr(row.target, name, row.values[name])
                changed.append(row.target)
        if created:
            bulk_create_with_history(
                created, Endorsement, batch_size=500, default_user=by, default_change_reason=reason
            )
        update_with_history(changed, Endorsement, ENDORSEMENT_FIELDS, by=by, reason=reason)

    def export_rows(self):
        endorsements = Endorsement.objects.select_related("organisation").order_by(
            "organisation__name", "endorsed_on", "id"
        )
        if self.compact is not None:
            endorsements = endorsements.filter(compact=self.compact)
        for endorsement in endorsements:
            yield [
                endorsement.name,
                endorsement.position,
                endorsement.get_kind_display(),
                endorsement.organisation.name,
                endorsement.endorsed_on,
            ]
