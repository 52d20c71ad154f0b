"""The six best-known commitments of Local Compacts in England, with their thresholds. Officers change the
wording and numbers and add local ones."""

from django.db import migrations

# (order, factor number, rule, threshold, title, description)
COMMITMENTS = [
    (1, 4, "consultation_length", 12, "Consultations last 12 weeks",
     "Consultations with the sector last at least 12 weeks where possible, with early notice, the sector involved "
     "in their design and feedback on how the responses changed the outcome. When a consultation is shorter, "
     "the reason is given."),
    (2, 2, "rationale", None, "A clear, published rationale for funding decisions",
     "Every funding decision comes with a clear rationale that is published."),
    (3, 2, "multi_year", 3, "Multi-year funding where appropriate",
     "Funding lasts several years (typically three) where that is appropriate, so organisations can plan."),
    (4, 2, "full_cost_recovery", None, "Full cost recovery",
     "Funders accept that organisations recover a fair share of their overheads."),
    (5, 2, "payment_in_advance", None, "Payment in advance",
     "Funding is paid in advance of spending where that is value for money, and on time."),
    (6, 2, "notice", 3, "Three months' notice of ending or reducing funding",
     "At least three months' written notice is given when funding is ended or reduced, with the reason."),
]


def seed(apps, schema_editor):
    Commitment = apps.get_model("commitments", "Commitment")
    Factor = apps.get_model("success_factors", "Factor")
    factors = {factor.number: factor for factor in Factor.objects.all()}
    for order, number, rule, threshold, title, description in COMMITMENTS:
        # get_or_create, so the tests can put the seed back after a transactional test empties the tables.
        Commitment.objects.get_or_create(
            is_local=False, rule=rule,
            defaults={"order": order, "factor": factors[number], "threshold": threshold, "title": title,
                      "description": description},
        )


def unseed(apps, schema_editor):
    Commitment = apps.get_model("commitments", "Commitment")
    Commitment.objects.filter(is_local=False, checks__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("commitments", "0001_initial"),
        ("success_factors", "0002_seed_factors"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
