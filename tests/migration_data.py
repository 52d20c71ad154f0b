"""What the data migrations create (the roles, the seven factors, the commitments), put back for tests that run
after a transactional test's flush emptied the tables."""

from importlib import import_module

from django.apps import apps


def reseed():
    """Put back the data migrations' rows if a flush removed them. Serialized rollback should restore them, but
    does not always under pytest-xdist, so make sure; safe to run again."""
    import_module("signatories.migrations.0002_roles").create_roles(apps, None)
    import_module("signatories.migrations.0007_representative_role").create_role(apps, None)
    import_module("success_factors.migrations.0002_seed_factors").seed(apps, None)
    if not apps.get_model("commitments", "Commitment").objects.exists():  # its seed is not safe to run twice
        import_module("commitments.migrations.0002_seed_commitments").seed(apps, None)
