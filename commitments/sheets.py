"""What the imports of funding decisions (``funding/sheets.py``) and consultations (``consultations/sheets.py``)
share: finding the statutory signatory a row names.

A statutory body is an active statutory signatory of the Compact, found by its 360Giving organisation
identifier, else by its name as ``signatories.imports.matching.name_key`` compares names. A name that only
resembles one or more signatories' (it shares a word that is not a generic one like "Council") becomes a
question for the officer in the preview; a name that resembles none is an error on the row.
"""

from signatories.imports.matching import name_key
from signatories.imports.sheets import Question
from signatories.models import Sector
from signatories.selectors import active_signatories

# Words that say what kind of body it is, not which one: "Northbrook Council" and "Northbrook Borough Council"
# share "northbrook", which makes the second a candidate for the first.
GENERIC_WORDS = {
    "the",
    "of",
    "and",
    "council",
    "borough",
    "city",
    "county",
    "district",
    "metropolitan",
    "parish",
    "town",
    "nhs",
    "trust",
    "service",
    "services",
    "authority",
    "board",
    "fund",
    "ltd",
}


class StatutoryBodies:
    """Finds the statutory signatory each row names, once for each name or identifier in the file."""

    def __init__(self, sheet, by_identifier=None):
        self.sheet = sheet
        self.by_identifier = by_identifier or {}
        signatories = active_signatories(compact=sheet.compact).filter(sector=Sector.STATUTORY).distinct()
        self.statutory = {organisation.pk: organisation for organisation in signatories}
        self.found = {}

    def find(self, row, identifier_key, name_key_, headings):
        """The statutory body of ``row``, or None (with an error on the row, or a question for the officer)."""
        identifier, name = row.values.get(identifier_key, ""), row.values.get(name_key_, "")
        key = identifier or f"name:{name_key(name)}"
        if key not in self.found:
            self.found[key] = self.lookup(identifier, name, key)
        found, problem = self.found[key]
        if problem:
            row.error(problem, identifier_key if identifier and identifier_key in row.cells else name_key_, headings)
        return found

    def lookup(self, identifier, name, key):
        """(organisation, None), (None, a problem), or (None, None) while the officer has a question to answer."""
        by_identifier = self.by_identifier.get(identifier) if identifier else None
        if by_identifier is not None:
            if by_identifier.pk not in self.statutory:
                return None, (
                    f"{identifier} is {by_identifier.name} on the register, which is not an active statutory "
                    "signatory: only statutory signatories' consultations and funding decisions are recorded"
                )
            return by_identifier, None
        answer = str(self.sheet.answers.get(f"body:{key}", ""))
        if answer.isdigit() and int(answer) in self.statutory:
            return self.sheet.learn(self.statutory[int(answer)], identifier), None
        wanted = name_key(name)
        exact = [organisation for organisation in self.statutory.values() if name_key(organisation.name) == wanted]
        if len(exact) == 1:
            return self.sheet.learn(exact[0], identifier), None
        words = set(wanted.split()) - GENERIC_WORDS
        candidates = exact or [
            organisation for organisation in self.statutory.values() if words & set(name_key(organisation.name).split())
        ]
        named = f"{name} ({identifier})" if identifier else name
        if not candidates:
            return None, (
                f"{named} matches no statutory signatory on the register: add it to the register as a statutory "
                "body that has signed the Compact (or give it this 360Giving identifier), then upload the file again"
            )
        self.sheet.questions.append(
            Question(
                key=f"body:{key}",
                label=f"Which statutory signatory is “{named}”?",
                choices=[(str(organisation.pk), organisation.name) for organisation in sorted(candidates, key=str)],
                hint="Its name in the file is not exactly the name on the register.",
            )
        )
        return None, None
