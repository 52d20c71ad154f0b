"""The demo's API token for a "Performance team" use, with a fixed, published key (demo data only)."""

from ..accounts.models import hash_token
from .models import ApiToken

DEMO_KEY = "cpt_demo-performance-team-not-secret"
DEMO_USE = "Performance team – Power BI"


def create_demo_token(*, officer):
    ApiToken.objects.get_or_create(
        token_hash=hash_token(DEMO_KEY), defaults={"name": DEMO_USE, "prefix": DEMO_KEY[:8], "created_by": officer}
    )
    return 1


def demo_key():
    """The demo key while its token exists and is not revoked, else None."""
    return (
        DEMO_KEY if ApiToken.objects.filter(token_hash=hash_token(DEMO_KEY), revoked_at__isnull=True).exists() else None
    )
