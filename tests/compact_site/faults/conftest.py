"""Fixtures of the fault tests: the shared build, and a world of real processes per test (``make_world``)."""

from dataclasses import dataclass
from pathlib import Path

import pytest

from .harness import (
    Control,
    Postgres,
    Processes,
    RedisServer,
    Site,
    copy_database,
    production_environment,
    require_redis_binary,
    shared_build,
    start_gunicorn,
)


@pytest.fixture(scope="session")
def fault_build(request, tmp_path_factory):
    """Static files for production mode and the seeded template database: once per run, shared by xdist workers."""
    require_redis_binary()
    from django.conf import settings

    default = settings.DATABASES["default"]
    if default["ENGINE"].endswith("sqlite3"):
        engine, postgres = "sqlite", None
    else:
        engine, postgres = "postgresql", Postgres.from_settings(default)
    root = tmp_path_factory.getbasetemp()
    if hasattr(request.config, "workerinput"):  # an xdist worker
        root = root.parent  # the run's own directory, shared by its workers
    return {**shared_build(root / "compact-faults", engine, postgres), "postgres": postgres}


@dataclass
class World:
    """One gunicorn (production mode) with its own Redis and database, and the control process beside it."""

    site: Site
    redis: RedisServer
    control: Control
    seed: dict
    env: dict
    database_url: str
    gunicorn_log: Path
    scratch: Path

    def log(self):
        return self.gunicorn_log.read_text(errors="replace")


def start_world(build, processes: Processes, scratch: Path, *, persistent_redis=False, workers=2):
    scratch.mkdir(parents=True, exist_ok=True)
    database_url, drop = copy_database(build, scratch, build["postgres"])
    try:
        redis = RedisServer(processes, scratch / "redis", persistent=persistent_redis).start()
        env = production_environment(
            database_url=database_url, redis_url=redis.url, static_root=build["static_root"], scratch=scratch
        )
        control = Control(processes, env, scratch / "control.log")
        gunicorn_log = scratch / "gunicorn.log"
        _, port = start_gunicorn(processes, env, gunicorn_log, workers=workers)
        control.ready()
    except BaseException:
        processes.stop_all()
        drop()
        raise
    world = World(
        site=Site(port),
        redis=redis,
        control=control,
        seed=build["seed"],
        env=env,
        database_url=database_url,
        gunicorn_log=gunicorn_log,
        scratch=scratch,
    )
    return world, drop


@pytest.fixture
def make_world(fault_build, tmp_path):
    """``make_world(persistent_redis=False)``: start a world for this test; everything is stopped (process
    groups) and its database dropped afterwards, pass or fail."""
    processes, drops = Processes(), []

    def make(**options):
        world, drop = start_world(fault_build, processes, tmp_path / f"world-{len(drops)}", **options)
        drops.append(drop)
        return world

    yield make
    processes.stop_all()
    for drop in drops:
        drop()


@pytest.fixture(scope="module")
def module_world(fault_build, tmp_path_factory):
    """One world for a whole module (its tests leave it as they found it)."""
    processes = Processes()
    world, drop = start_world(fault_build, processes, tmp_path_factory.mktemp("world"))
    yield world
    processes.stop_all()
    drop()
