"""`make bench`: seed a large data set into its own PostgreSQL database, time the main pages, load-test them.

Kept out of the apps: nothing here is imported by the service. Run the steps with
``python -m bench.seed``, ``python -m bench.measure`` and ``python -m bench.serve``.
"""

import os

# BENCH_DATABASE names the database the bench drops, seeds and measures: give each person or machine its own
# so that one bench never drops another's.
DATABASE_NAME = os.environ.get("BENCH_DATABASE", "compact_bench")
# SCALE multiplies the area's size (organisations, champions, wins, assessments, actions, concerns).
SCALE = int(os.environ.get("BENCH_SCALE", "1"))
SERVER_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
DATABASE_URL = f"{SERVER_URL}/{DATABASE_NAME}"
RESULTS_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "bench-results")

# The cache the pages are measured and served with: Redis, as in production (REDIS_URL), in a database of its
# own that the bench empties; BENCH_CACHE_URL=none measures with the per-process cache instead.
CACHE_URL = os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/7")
if CACHE_URL == "none":
    CACHE_URL = ""

# The people the seed creates and the measurements sign in as.
OFFICER_USERNAME = "bench-officer"
LSP_USERNAME = "bench-lsp"
CHAMPION_USERNAME = "bench-champion-0"
PASSWORD = "bench-password-not-secret-42"
# The API key the seed creates for the measurements (bench data only).
API_KEY = "cpt_bench-key-not-secret"
PUBLIC_WINS = 1_000


def setup_django(*, settings="compact_site.settings"):
    """Point Django at the bench database (never any other) and set it up."""
    os.environ["DATABASE_URL"] = DATABASE_URL
    os.environ["REDIS_URL"] = CACHE_URL
    os.environ["CACHE_KEY_PREFIX"] = DATABASE_NAME  # two bench databases never read each other's cached pages
    os.environ.setdefault("DEBUG", "false")
    os.environ["DJANGO_SETTINGS_MODULE"] = settings
    import django

    django.setup()


def empty_cache():
    """Start from an empty cache: a cached figure of an earlier seed must not answer for this one."""
    if CACHE_URL:
        import redis

        redis.Redis.from_url(CACHE_URL).flushdb()
