"""The seven critical success factors and their standard indicators, in plain English."""

from django.db import migrations

FACTORS = [
    (
        1,
        "Outcomes focus",
        "The Compact is used to improve local services. Partners know the practical benefits they want from it, "
        "and early quick wins build a track record.",
        "Look for changes to services that people can point to, not just meetings held.",
        [
            "Partners have agreed the service outcomes they want the Compact to help deliver.",
            "We keep those outcomes in view, even when relations between partners are difficult.",
            "We have delivered quick wins that show the Compact making a difference.",
            "Signatories understand the benefits they can expect from working to the Compact.",
        ],
    ),
    (
        2,
        "Establish the right structures",
        "The Compact is linked to scrutiny and policy making, accountable to the Local Strategic Partnership "
        "through regular reporting, reflected in commissioning, with transparent funding and open sharing of "
        "information.",
        "Think about where decisions are made and whether the Compact is part of them.",
        [
            "The Compact is linked to scrutiny and to how policy is made.",
            "The Local Strategic Partnership receives regular reports on the Compact.",
            "Funding decisions are transparent and follow the Compact's funding principles.",
            "The Compact is reflected in how services are commissioned.",
            "Partners share information openly and in good time.",
        ],
    ),
    (
        3,
        "Lead and champion the Compact",
        "Senior leaders endorse the Compact. Compact Champions model partnership working, raise awareness, "
        "collect successes and areas needing attention, and are themselves supported.",
        "Leadership is visible when leaders speak about the Compact without being asked.",
        [
            "Senior leaders have publicly endorsed the Compact.",
            "Every signatory has an active Compact Champion.",
            "Champions collect successes and concerns and pass them on.",
            "Champions are given time, training and peer support for the role.",
        ],
    ),
    (
        4,
        "Involve stakeholders",
        "Several sectors take part, and elected members and senior officers from service directorates endorse "
        "the Compact.",
        "Count who takes part, and notice who is missing.",
        [
            "Organisations from several sectors take an active part in the Compact.",
            "Elected members endorse the Compact and refer to it in their work.",
            "Senior officers from service directorates are engaged, not just the policy team.",
        ],
    ),
    (
        5,
        "Make third sector representation effective",
        "Compact work runs through existing networks and structures, so that it builds on relationships rather "
        "than adding something new.",
        "Good representation means the wider sector hears back, not only the people in the room.",
        [
            "Existing networks and forums carry Compact work.",
            "Representatives report back to the wider voluntary and community sector.",
            "Small groups and minority communities are reached, not only the larger charities.",
        ],
    ),
    (
        6,
        "Resource the Compact",
        "People have time to promote the Compact, and Compact duties are written into many roles rather than "
        "resting on one post.",
        "Ask what would happen to the Compact if one person left.",
        [
            "People have agreed time to promote the Compact.",
            "Compact duties are spread across many roles, not left to one post.",
            "The costs of running the Compact are shared between partners.",
        ],
    ),
    (
        7,
        "Embed the Compact",
        "Concrete activities are named as Compact activities; a self-assessment toolkit is used to plan "
        "improvement; the Compact is part of induction and HR procedures; wins are collected and shown to new "
        "staff.",
        "Embedded means the Compact carries on without anyone having to push it.",
        [
            "Activities that follow the Compact are named as Compact activities.",
            "This self-assessment is used to plan improvements.",
            "The Compact is part of staff induction and HR procedures.",
            "Compact wins are collected and shared, including with new staff.",
            "The Compact is reviewed and adapted to local circumstances.",
        ],
    ),
]


def seed(apps, schema_editor):
    Factor = apps.get_model("success_factors", "Factor")
    Indicator = apps.get_model("success_factors", "Indicator")
    for number, title, summary, guidance, statements in FACTORS:
        factor, _ = Factor.objects.get_or_create(
            number=number, defaults={"title": title, "summary": summary, "guidance": guidance}
        )
        for order, statement in enumerate(statements, start=1):
            Indicator.objects.get_or_create(factor=factor, statement=statement, defaults={"order": order})


def unseed(apps, schema_editor):
    Factor = apps.get_model("success_factors", "Factor")
    Indicator = apps.get_model("success_factors", "Indicator")
    Indicator.objects.filter(is_local=False, ratings__isnull=True).delete()
    Factor.objects.filter(indicators__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("success_factors", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
