"""The one table of what invalidates what (``compact_site.invalidation``) is whole: every model a cached page or
figure reads is in it under one of the kinds that page is cached under, and every row invalidates its kinds."""

import ast
import datetime
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models.signals import post_delete
from django.test import Client
from django.test.utils import CaptureQueriesContext

from compact_site import demo
from compact_site.invalidation import INVALIDATES
from compact_site.public.caching import SHOWN
from signatories import caching
from success_factors.models import Factor
from success_factors.rounds.models import Round, RoundStatus

ROOT = Path(settings.BASE_DIR)
APPS = ["notifications", "signatories", "success_factors", "commitments", "representation", "wins", "compact_site"]
TABLE = re.compile(r'(?:FROM|JOIN)\s+"(\w+)"', re.IGNORECASE)
# Read by a cached page but not data it shows: the pages' own bookkeeping.
NOT_SHOWN = {"django_session", "django_content_type"}


def models_by_table():
    return {model._meta.db_table: model for model in apps.get_models(include_auto_created=True)}


def kinds_of(model):
    return set(INVALIDATES.get(model, ()))


def tables_read(queries):
    return {table for query in queries for table in TABLE.findall(query["sql"])} - NOT_SHOWN


class Recorder:
    """Wraps ``caching.cached``: for each place in the code that caches, what it read and under which kinds."""

    def __init__(self):
        self.reads = []  # (where, kinds, tables)
        self.open = []  # the kinds of the cached answers being worked out, outermost first
        self.nested = []  # (outer kinds, inner kinds) where one cached answer uses another

    def wrap(self, real):
        def cached(key, kinds, compute, timeout=None):
            kinds = list(kinds)
            frame = _caller()
            for outer in self.open:
                self.nested.append((frame, set(outer), set(kinds)))

            def recorded():
                self.open.append(kinds)
                try:
                    with CaptureQueriesContext(connection) as captured:
                        value = compute()
                finally:
                    self.open.pop()
                self.reads.append((frame, set(kinds), tables_read(captured.captured_queries)))
                return value

            return real(key, kinds, recorded, timeout)

        return cached


HELPERS = {"cached", "cached_html", "cached_scores", "cached_with_register"}


def _caller():
    """The app function that asked to cache: the first frame outside the caching helpers."""
    import inspect

    for frame in inspect.stack()[2:]:
        path = Path(frame.filename)
        if frame.function not in HELPERS and ROOT in path.parents and "tests" not in path.parts:
            return f"{path.relative_to(ROOT)}:{frame.function}"
    return "?"


def places_that_cache():
    """Every function in the app code that calls one of the caching helpers, by file and function name."""
    found = set()
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts or path.name == "caching.py":
                continue
            tree = ast.parse(path.read_text())
            for function in ast.walk(tree):
                if not isinstance(function, ast.FunctionDef) or function.name in HELPERS:
                    continue
                for node in ast.walk(function):
                    if isinstance(node, ast.Call):
                        name = getattr(node.func, "attr", getattr(node.func, "id", None))
                        if name in HELPERS:
                            found.add(f"{path.relative_to(ROOT)}:{function.name}")
    return found


def signed_in(username):
    from django.contrib.auth import get_user_model

    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


@pytest.fixture
def demo_area(db):
    demo.load()
    cache.clear()


def visit_every_cached_page():
    """Every page that caches, each with an empty cache, so each cached answer is worked out here."""
    officer, lsp, champion = signed_in("officer"), signed_in("lsp"), signed_in("champion")
    compact = Round.objects.first().compact
    planned = Round.objects.create(
        compact=compact,
        year="2098/99",
        opens_on=datetime.date(2098, 5, 1),
        deadline=datetime.date(2098, 6, 30),
        status=RoundStatus.PLANNED,
    )
    factor = Factor.objects.get(number=3)
    key = {"HTTP_AUTHORIZATION": "Bearer cpt_demo-performance-team-not-secret"}
    visits = [
        (officer, "/", {}),
        (lsp, "/", {}),
        (champion, "/", {}),
        (officer, "/wins/", {}),
        (officer, "/wins/?q=volunteers", {}),
        (officer, "/results/", {}),
        (lsp, f"/factors/{factor.number}/", {}),
        (officer, "/commitments/", {}),
        (champion, "/commitments/", {}),
        (officer, "/consultations/", {}),
        (officer, "/funding/", {}),
        (officer, f"/rounds/{planned.pk}/", {}),
        (officer, f"/rounds/{planned.pk}/open/", {}),
        (officer, "/champions/new/", {}),
        (Client(), "/public/register/", {}),
        (Client(), "/api/v1/rounds", key),
        (Client(), "/api/v1/commitments", key),
        (Client(), "/privacy/", {}),
    ]
    for client, url, headers in visits:
        cache.clear()
        response = client.get(url, **headers)
        assert response.status_code == 200, (url, response.status_code)


PUBLIC_PAGES = [
    "/",
    "/public/register/",
    "/public/factors/",
    "/public/wins/",
    "/public/reports/",
    "/public/commitments/",
    "/open-data/register.csv",
    "/robots.txt",
    "/accessibility/",
    "/privacy/",
    "/cookies/",
    "/contact/",
]


def missing_from_table(reads):
    """For each (where, kinds, tables read), the models read whose changes invalidate none of those kinds."""
    by_table = models_by_table()
    missing = set()
    for where, kinds, tables in reads:
        for table in tables:
            model = by_table[table]
            if not kinds_of(model) & kinds:
                missing.add(
                    f"{where} reads {model._meta.label}, cached under {sorted(kinds)} "
                    f"but {model._meta.label} invalidates {sorted(kinds_of(model)) or 'nothing'}"
                )
    return missing


@pytest.mark.django_db
def test_every_model_a_cached_answer_reads_is_in_the_table_under_one_of_its_kinds(demo_area, monkeypatch):
    recorder = Recorder()
    monkeypatch.setattr(caching, "cached", recorder.wrap(caching.cached))
    visit_every_cached_page()
    missing = missing_from_table(recorder.reads)
    assert not missing, "add the model to compact_site.invalidation, or the kind to the cached call:\n" + "\n".join(
        sorted(missing)
    )

    # A cached answer made of other cached answers must go whenever any of theirs does.
    narrower = {f"{where}: {sorted(inner - outer)}" for where, outer, inner in recorder.nested if not inner <= outer}
    assert not narrower, "a cached answer uses another cached under kinds it does not have itself:\n" + "\n".join(
        sorted(narrower)
    )

    # Every place that caches was visited above: a new one needs its page in visit_every_cached_page.
    unvisited = places_that_cache() - {where for where, _, _ in recorder.reads}
    assert not unvisited, "add a page that reaches each to visit_every_cached_page:\n" + "\n".join(sorted(unvisited))


@pytest.mark.django_db
def test_every_model_a_public_page_reads_is_in_the_table_under_the_kinds_public_pages_are_cached_under(demo_area):
    reads = []
    for url in PUBLIC_PAGES:
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            response = Client().get(url)
        assert response.status_code == 200, url
        reads.append((url, set(SHOWN), tables_read(captured.captured_queries)))
    assert missing_from_table(reads) == set()


def test_the_completeness_check_catches_a_model_left_out():
    from django.contrib.auth.models import Group

    from wins.models import Win

    assert missing_from_table([("wins/views.py:library", {caching.WINS}, {Win._meta.db_table})]) == set()
    assert missing_from_table([("somewhere", {caching.REGISTER}, {Win._meta.db_table})]) == {
        "somewhere reads wins.Win, cached under ['register'] but wins.Win invalidates ['wins']"
    }
    assert missing_from_table([("somewhere", {caching.REGISTER}, {Group._meta.db_table})]) == {
        "somewhere reads auth.Group, cached under ['register'] but auth.Group invalidates nothing"
    }


@pytest.mark.django_db
def test_each_row_of_the_table_invalidates_its_kinds(demo_area):
    """A real save, delete or change of links of each model in the table gives its kinds new versions."""
    unmoved = []
    for model, kinds in INVALIDATES.items():
        before = caching.versions(*kinds)
        if model._meta.auto_created:  # a many-to-many table: change the links of one row that has some
            field, owner = next(
                (field, field.model) for field in _many_to_many_fields() if field.remote_field.through is model
            )
            row = owner.objects.exclude(**{f"{field.name}__isnull": True}).first()
            getattr(row, field.name).clear()
        else:
            row = model.objects.first()
            assert row is not None, f"the demo has no {model._meta.label}: make one here"
            row.save()
        after_save = caching.versions(*kinds)
        if after_save == before:
            unmoved.append(f"{model._meta.label} saved")
        if not model._meta.auto_created:
            post_delete.send(sender=model, instance=row, using="default", origin=row)
            if caching.versions(*kinds) == after_save:
                unmoved.append(f"{model._meta.label} deleted")
    assert unmoved == []


def _many_to_many_fields():
    return [field for model in apps.get_models() for field in model._meta.many_to_many]
