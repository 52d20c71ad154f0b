"""Production mode: safe by default, configured only from the environment."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean_in_production_mode():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        COMPACT_ENV="production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="compact.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_mode_refuses_to_start_without_a_secret_key():
    result = run_manage("check", COMPACT_ENV="production", ALLOWED_HOSTS="compact.example.org")
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_production_mode_refuses_to_start_without_allowed_hosts():
    result = run_manage("check", COMPACT_ENV="production", SECRET_KEY=secrets.token_urlsafe(50))
    assert result.returncode != 0
    assert "Set ALLOWED_HOSTS" in result.stderr


def test_production_mode_turns_debug_off_and_secures_cookies():
    code = (
        "from django.conf import settings as s;"
        "print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS > 0)"
    )
    result = run_manage(
        "shell",
        "-c",
        code,
        COMPACT_ENV="production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="compact.example.org",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-5:] == ["False", "True", "True", "True", "True"]


def test_collectstatic_succeeds_in_production_mode(tmp_path):
    """The hashed, compressed static files WhiteNoise serves: every file the CSS refers to must exist."""
    result = run_manage(
        "collectstatic",
        "--noinput",
        COMPACT_ENV="production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="compact.example.org",
        STATIC_ROOT=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert list(tmp_path.glob("dist/compact.*.css"))
    assert (tmp_path / "staticfiles.json").exists()


def test_a_cache_sharing_the_task_queues_redis_database_is_warned_of(settings):
    from compact_site.checks import cache_apart_from_the_task_queue

    settings.REDIS_URL, settings.CELERY_BROKER_URL = "redis://cache.internal:6379/0", "redis://cache.internal:6379"
    assert [warning.id for warning in cache_apart_from_the_task_queue(None)] == ["compact.W001"]

    settings.REDIS_URL = "redis://cache.internal:6379/1"
    assert cache_apart_from_the_task_queue(None) == []
    settings.REDIS_URL = None  # no Redis cache at all
    assert cache_apart_from_the_task_queue(None) == []


def test_redis_settings_give_a_cache_that_ignores_an_unreachable_redis():
    """Production's cache: django-redis, answering a miss when Redis is away, with short timeouts."""
    env = {**os.environ, "REDIS_URL": "redis://127.0.0.1:9/1"}
    code = (
        "from django.conf import settings; from django.core.cache import cache; "
        "print(settings.CACHES['default']['BACKEND'], settings.SESSION_ENGINE, cache.get('x', 'miss'), "
        "cache.set('x', 1), cache.get_many(['x']))"
    )
    out = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout.split()
    assert out == ["django_redis.cache.RedisCache", "django.contrib.sessions.backends.cached_db", "miss", "None", "{}"]


def test_passwords_are_hashed_with_pbkdf2_outside_the_tests():
    """The tests hash with MD5 for speed (tests/conftest.py); the service itself never does."""
    code = (
        "from django.contrib.auth.hashers import make_password;"
        "print(make_password('a-long-test-password-42').split('$')[0])"
    )
    result = run_manage("shell", "-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-1] == "pbkdf2_sha256"
