"""The demo register: the Northbrook Local Compact, the organisations around it (some yet to sign, two
withdrawn), their signatures, about two dozen champions and the endorsements of the Compact."""

import datetime

from .models import (
    Champion,
    Compact,
    Endorsement,
    EndorsementKind,
    Organisation,
    OrganisationKind,
    Sector,
    Signature,
)

DEMO_CHAMPION_ORGANISATION = "Northbrook CVS"

# (name, sector, kind, charity number)
ORGANISATIONS = [
    ("Northbrook Borough Council", Sector.STATUTORY, OrganisationKind.COUNCIL, ""),
    ("Northbrook and District NHS Trust", Sector.STATUTORY, OrganisationKind.HEALTH, ""),
    ("Northbrook Integrated Care Board", Sector.STATUTORY, OrganisationKind.HEALTH, ""),
    ("Northshire Police", Sector.STATUTORY, OrganisationKind.POLICE, ""),
    ("Northshire Fire and Rescue Service", Sector.STATUTORY, OrganisationKind.FIRE, ""),
    ("Northbrook College", Sector.STATUTORY, OrganisationKind.EDUCATION, ""),
    ("Brookside Homes", Sector.STATUTORY, OrganisationKind.HOUSING, ""),
    ("Northbrook Probation Service", Sector.STATUTORY, OrganisationKind.OTHER, ""),
    ("Eastfield Parish Council", Sector.STATUTORY, OrganisationKind.COUNCIL, ""),
    ("Northbrook CVS", Sector.VOLUNTARY, OrganisationKind.CVS, "1098765"),
    ("Riverside Community Food Bank", Sector.VOLUNTARY, OrganisationKind.CHARITY, "1154321"),
    ("Northbrook Citizens Advice", Sector.VOLUNTARY, OrganisationKind.CHARITY, "1087123"),
    ("Age Concern Northbrook", Sector.VOLUNTARY, OrganisationKind.CHARITY, "1066789"),
    ("Northbrook Carers' Centre", Sector.VOLUNTARY, OrganisationKind.CHARITY, "1121456"),
    ("Mind in Northbrook", Sector.VOLUNTARY, OrganisationKind.CHARITY, "1103344"),
    ("Northbrook Refugee Welcome", Sector.VOLUNTARY, OrganisationKind.CHARITY, "1178902"),
    ("Eastfield Tenants' Association", Sector.VOLUNTARY, OrganisationKind.COMMUNITY_GROUP, ""),
    ("Westgate Youth Club", Sector.VOLUNTARY, OrganisationKind.COMMUNITY_GROUP, ""),
    ("Northbrook Women's Aid", Sector.VOLUNTARY, OrganisationKind.CHARITY, "1092211"),
    ("St Mark's Community Kitchen", Sector.VOLUNTARY, OrganisationKind.FAITH, ""),
    ("Northbrook Interfaith Forum", Sector.VOLUNTARY, OrganisationKind.FAITH, ""),
    ("Al-Noor Community Centre", Sector.VOLUNTARY, OrganisationKind.FAITH, "1140077"),
    ("Northbrook Volunteer Centre", Sector.VOLUNTARY, OrganisationKind.CHARITY, "1110203"),
    ("Disability Northbrook", Sector.VOLUNTARY, OrganisationKind.CHARITY, "1059981"),
    ("Brook Valley Credit Union", Sector.VOLUNTARY, OrganisationKind.SOCIAL_ENTERPRISE, ""),
    ("GreenSpace Northbrook", Sector.VOLUNTARY, OrganisationKind.SOCIAL_ENTERPRISE, ""),
    ("Northbrook Community Transport", Sector.VOLUNTARY, OrganisationKind.CHARITY, "1077654"),
    ("Home-Start Northbrook", Sector.VOLUNTARY, OrganisationKind.CHARITY, "1132210"),
    ("Northbrook Men's Shed", Sector.VOLUNTARY, OrganisationKind.COMMUNITY_GROUP, ""),
    ("Eastfield Allotment Society", Sector.VOLUNTARY, OrganisationKind.COMMUNITY_GROUP, ""),
    ("Northbrook Rural Action", Sector.VOLUNTARY, OrganisationKind.CHARITY, "1049876"),
    ("The Junction Arts Collective", Sector.VOLUNTARY, OrganisationKind.SOCIAL_ENTERPRISE, ""),
    ("Northbrook Polish Association", Sector.VOLUNTARY, OrganisationKind.COMMUNITY_GROUP, ""),
    ("Northbrook Hospice", Sector.VOLUNTARY, OrganisationKind.CHARITY, "1011223"),
    ("Samaritans of Northbrook", Sector.VOLUNTARY, OrganisationKind.CHARITY, "1019870"),
    ("Northbrook Deaf Centre", Sector.VOLUNTARY, OrganisationKind.CHARITY, "1088765"),
    ("Westgate Residents' Forum", Sector.VOLUNTARY, OrganisationKind.COMMUNITY_GROUP, ""),
    ("Northbrook Chamber of Commerce", Sector.OTHER, OrganisationKind.BUSINESS, ""),
    ("Brook Valley Housing Co-operative", Sector.OTHER, OrganisationKind.HOUSING, ""),
    ("Northbrook Football Club Foundation", Sector.VOLUNTARY, OrganisationKind.CHARITY, "1165500"),
]
# Organisations that have left the Compact, and why.
WITHDRAWN = {
    "Northbrook Chamber of Commerce": "Members voted to focus on business support; happy to work with the Compact informally.",
    "Westgate Youth Club": "The club closed when its lease ended.",
}
# Organisations in touch but not yet signed up.
NOT_SIGNED = {"Brook Valley Housing Co-operative", "Northbrook Polish Association", "Westgate Residents' Forum"}

SIGNED_BY = [
    ("Chief Executive", "Dr Helen Marsh"),
    ("Chair of Trustees", "Peter Osei"),
    ("Director", "Anita Kaur"),
    ("Chief Officer", "Mark Ellison"),
    ("Chair", "Rev. Ruth Baker"),
    ("Coordinator", "Tom Whitfield"),
    ("Chief Constable", "Andrea Lowe"),
    ("Manager", "Yusuf Rahman"),
]

FIRST_NAMES = [
    "Amira",
    "Ben",
    "Carla",
    "Dev",
    "Ellie",
    "Femi",
    "Grace",
    "Harry",
    "Imran",
    "Jess",
    "Kwame",
    "Laura",
    "Marek",
    "Nadia",
    "Owen",
    "Priya",
    "Rhys",
    "Sofia",
    "Tariq",
    "Una",
    "Victor",
    "Wendy",
    "Zainab",
    "Adam",
    "Bea",
    "Colm",
    "Dina",
    "Ewan",
    "Fatima",
    "Gareth",
]
LAST_NAMES = [
    "Ahmed",
    "Brennan",
    "Clarke",
    "Desai",
    "Evans",
    "Fletcher",
    "Gill",
    "Holt",
    "Iqbal",
    "Jones",
    "Kowalski",
    "Lewis",
    "Mensah",
    "Nolan",
    "O'Brien",
    "Patel",
    "Quinn",
    "Reid",
    "Shah",
    "Turner",
    "Usman",
    "Vaughan",
    "Walsh",
    "Young",
]
JOB_TITLES = [
    "Partnerships manager",
    "Volunteer coordinator",
    "Commissioning officer",
    "Community engagement lead",
    "Development worker",
    "Operations manager",
    "Neighbourhood inspector",
    "Head of policy",
    "Trustee",
]
SUPPORT_NEEDS = [
    "Would like a briefing on the funding code.",
    "Needs time agreed with their manager to attend the champions' network.",
    "",
    "",
]
TRAINING = ["Champions' induction", "Champions' induction; consultation code workshop", ""]

ENDORSEMENTS = [
    (
        "Northbrook Borough Council",
        "Cllr Rachel Stone",
        EndorsementKind.ELECTED_MEMBER,
        "Leader of the Council",
        "The Compact is how this council keeps its promises to the voluntary sector.",
    ),
    (
        "Northbrook Borough Council",
        "Cllr David Amoah",
        EndorsementKind.ELECTED_MEMBER,
        "Cabinet member for communities",
        "",
    ),
    (
        "Northbrook Borough Council",
        "Karen Whitley",
        EndorsementKind.SENIOR_LEADER,
        "Chief Executive",
        "Every directorate will name a Compact champion this year.",
    ),
    ("Northbrook Borough Council", "Neil Sharma", EndorsementKind.SENIOR_OFFICER, "Director of Adult Social Care", ""),
    ("Northbrook and District NHS Trust", "Prof. Alan Greaves", EndorsementKind.SENIOR_LEADER, "Chief Executive", ""),
    (
        "Northshire Police",
        "Ch. Supt. Fiona Park",
        EndorsementKind.SENIOR_LEADER,
        "District Commander",
        "Working with community groups is how neighbourhood policing works.",
    ),
    ("Northbrook CVS", "Lorraine Adebayo", EndorsementKind.SENIOR_LEADER, "Chief Officer", ""),
    ("Eastfield Parish Council", "Cllr John Pike", EndorsementKind.ELECTED_MEMBER, "Chair of the Parish Council", ""),
    ("Northbrook College", "Dr Sunita Rao", EndorsementKind.SENIOR_LEADER, "Principal", ""),
]


def _days_ago(anchor, days):
    return anchor - datetime.timedelta(days=days)


def _person(rng):
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def _email(name, organisation):
    local = name.lower().replace(" ", ".").replace("'", "")
    domain = "".join(ch for ch in organisation.lower() if ch.isalnum())[:24]
    return f"{local}@{domain}.example.org"


def create_register(*, rng, anchor):
    compact = Compact.objects.create(
        name="Northbrook Local Compact",
        area="Borough of Northbrook",
        council_name="Northbrook Borough Council",
        summary=(
            "The agreement between Northbrook Borough Council, its statutory partners and the voluntary and "
            "community sector on how we work together: funding, consultation, volunteering and equality."
        ),
        adopted_on=_days_ago(anchor, 3 * 365 + 40),
        review_on=_days_ago(anchor, -(2 * 365 - 40)),
    )
    organisations = {}
    for index, (name, sector, kind, charity_number) in enumerate(ORGANISATIONS):
        slug = "".join(ch for ch in name.lower() if ch.isalnum())[:24]
        organisations[name] = Organisation.objects.create(
            name=name,
            sector=sector,
            kind=kind,
            charity_number=charity_number,
            website=f"https://www.{slug}.example.org" if index % 3 else "",
        )
        if name in NOT_SIGNED:
            continue
        # The lead partners signed at the launch; others joined over the years since.
        signed_on = compact.adopted_on + datetime.timedelta(days=0 if index < 10 else rng.randrange(20, 3 * 365))
        role, person = rng.choice(SIGNED_BY)
        signature = Signature.objects.create(
            compact=compact,
            organisation=organisations[name],
            signed_on=signed_on,
            signed_by_name=person,
            signed_by_role=role,
        )
        if name in WITHDRAWN:
            signature.withdrawn_on = min(anchor - datetime.timedelta(days=30), signed_on + datetime.timedelta(days=400))
            signature.withdrawal_reason = WITHDRAWN[name]
            signature.save()
    return compact, organisations


def create_champions(*, rng, anchor, organisations, champion_user):
    """About two dozen champions; a few have stood down and some signatories have none yet."""
    created = 0
    for index, (name, organisation) in enumerate(organisations.items()):
        if name in NOT_SIGNED or name in WITHDRAWN or index % 5 == 4:
            continue  # every fifth signatory still needs a champion
        person = _person(rng)
        appointed_on = _days_ago(anchor, rng.randrange(60, 3 * 365))
        stood_down = index % 7 == 3
        Champion.objects.create(
            organisation=organisation,
            name=person,
            job_title=rng.choice(JOB_TITLES),
            email=_email(person, name),
            phone=f"01632 {rng.randrange(100000, 999999)}",
            appointed_on=appointed_on,
            stood_down_on=_days_ago(anchor, rng.randrange(10, 50)) if stood_down else None,
            stood_down_reason="Moved to a new job outside the borough." if stood_down else "",
            support_needs=rng.choice(SUPPORT_NEEDS),
            training=rng.choice(TRAINING),
        )
        created += 1
        if stood_down:  # their organisation appointed a successor
            successor = _person(rng)
            Champion.objects.create(
                organisation=organisation,
                name=successor,
                job_title=rng.choice(JOB_TITLES),
                email=_email(successor, name),
                appointed_on=_days_ago(anchor, rng.randrange(1, 9)),
            )
            created += 1
    Champion.objects.create(
        organisation=organisations[DEMO_CHAMPION_ORGANISATION],
        user=champion_user,
        name=champion_user.get_full_name(),
        job_title="Partnerships and Compact lead",
        email=champion_user.email,
        appointed_on=_days_ago(anchor, 500),
        training="Champions' induction; consultation code workshop",
    )
    return created + 1


def create_endorsements(*, rng, anchor, compact, organisations):
    for name, person, kind, position, statement in ENDORSEMENTS:
        Endorsement.objects.create(
            compact=compact,
            organisation=organisations[name],
            name=person,
            kind=kind,
            position=position,
            endorsed_on=_days_ago(anchor, rng.randrange(20, 900)),
            statement=statement,
        )
    return len(ENDORSEMENTS)
