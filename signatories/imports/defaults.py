"""What a new organisation's row leaves out, filled in the way the row itself suggests, or with a default.

Area spreadsheets rarely have a Kind column, and some lack a Sector or who signed. Rather than refusing every new
organisation, the import infers what the row says (a charity number means a charity; a company number with a
CIC or social-enterprise name means a social enterprise; the kind says the sector) and otherwise takes "Other".
Each value filled in is shown in the preview: inferred ones as a note, defaults as a warning the officer should
check (the register's list sets the kind of many organisations at once afterwards).
"""

from ..models import OrganisationKind, Sector
from .names import fold

NOT_RECORDED = "Not recorded"
SOCIAL_ENTERPRISE_NAMES = ("cic", "c i c", "community interest company", "social enterprise")
SECTOR_OF_KIND: dict[str, str] = {
    OrganisationKind.COUNCIL: Sector.STATUTORY,
    OrganisationKind.HEALTH: Sector.STATUTORY,
    OrganisationKind.POLICE: Sector.STATUTORY,
    OrganisationKind.FIRE: Sector.STATUTORY,
    OrganisationKind.CVS: Sector.VOLUNTARY,
    OrganisationKind.CHARITY: Sector.VOLUNTARY,
    OrganisationKind.COMMUNITY_GROUP: Sector.VOLUNTARY,
    OrganisationKind.SOCIAL_ENTERPRISE: Sector.VOLUNTARY,
    OrganisationKind.FAITH: Sector.VOLUNTARY,
}


def _has_social_enterprise_name(name: str) -> bool:
    folded = f" {fold(name)} "
    return any(f" {words} " in folded for words in SOCIAL_ENTERPRISE_NAMES)


def inferred_kind(values: dict) -> tuple[str, str] | None:
    """The kind a row says without a Kind, and why: ``(kind, reason)``; None when it does not say."""
    if values.get("company_number") and _has_social_enterprise_name(values.get("name", "")):
        return OrganisationKind.SOCIAL_ENTERPRISE, "a company number and a community interest company's name"
    if values.get("charity_number"):
        return OrganisationKind.CHARITY, "a charity number"
    return None


def inferred_sector(values: dict) -> tuple[str, str] | None:
    """The sector a row's kind says, and why; None when it does not say."""
    sector = SECTOR_OF_KIND.get(values.get("kind") or "")
    if sector is None:
        return None
    return sector, f"its kind, {OrganisationKind(values['kind']).label.lower()}"


def fill_in_new_organisation(row, headings: dict[str, str]) -> None:
    """Give a new organisation's row the kind and sector it leaves out: inferred (a note) or "Other" (a warning)."""
    values = row.values
    for key, infer, label, field_label in (
        ("kind", inferred_kind, OrganisationKind.OTHER.label, "Kind"),
        ("sector", inferred_sector, Sector.OTHER.label, "Sector"),
    ):
        if values.get(key):
            continue
        missing = (
            f"the {headings[key]} cell is empty" if key in row.cells else f"the file has no {headings[key]} column"
        )
        found = infer(values)
        if found is None:
            values[key] = OrganisationKind.OTHER if key == "kind" else Sector.OTHER
            row.warn(f"{field_label}: {label}, as {missing}. Check it, and set it on the register if it is wrong")
        else:
            values[key], why = found
            shown = OrganisationKind(values[key]).label if key == "kind" else Sector(values[key]).label
            row.note(f"{field_label}: {shown}, from {why} ({missing})")


def fill_in_signature(row, name: str, heading: str) -> None:
    """A signature's signer or role when the file has no column for it: "Not recorded", with a warning."""
    row.values[name] = NOT_RECORDED
    row.warn(f"{heading}: “{NOT_RECORDED}”, as the file has no {heading} column")
