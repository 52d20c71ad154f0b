"""An area's own register, as councils and CVSs keep it: no Kind column, their own headings, a CIC, a charity, a
council, a faith group with nothing but its name, and the Welsh and curly-apostrophe spellings people type."""

AREA_HEADINGS = [
    "Name",
    "Sector",
    "Charity number",
    "Company number",
    "Website",
    "Postcode",
    "Email",
    "Date signed",
    "Signed by",
    "Role",
]

AREA_ROWS = [
    ["Riverside Food Bank", "Voluntary", "1187654", "", "https://riversidefoodbank.org.uk", "NB4 7LP",
     "hello@riversidefoodbank.org.uk", "03/03/2025", "Peter Lawson", "Manager"],
    ["Green Shoots Community Gardens CIC", "VCSE", "", "09876543", "", "NB2 1AA", "", "14/05/2025", "Asha Khan",
     "Director"],
    ["Northbrook Borough Council", "Statutory", "", "", "https://www.northbrook.gov.uk", "NB1 1NB", "", "01/04/2024",
     "Cllr Jo Smith", "Leader of the Council"],
    ["St John’s Church Hall Committee", "Voluntary", "", "", "", "NB3 9QQ", "", "", "", ""],
    ["Tŷ Hafan Northbrook", "", "1101234", "", "", "", "", "", "", ""],
]  # fmt: skip
