"""What a signed-in request costs before a view does any work, and that nothing protecting people got weaker.

The floor: the session and the user (with their roles and two-step state) in at most two statements (one with
the session in Redis), and no write on a normal GET. Sessions still end after SESSION_COOKIE_AGE without a request, a role taken away or a
second step turned on counts from the very next request.
"""

import time

import pytest
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from compact_site.accounts.sessions import REFRESHED_AT
from compact_site.models import SecuritySettings
from signatories.roles import CHAMPION
from tests.compact_site.accounts.test_two_step import code_for, next_time_step, set_up, sign_in
from tests.conftest import client_for

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.compact_site.accounts.hello_urls")]

HELLO = "/hello/"
TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE SAVEPOINT")
WRITES = ("INSERT", "UPDATE", "DELETE")


def statements(client, url):
    """The SQL statements one GET makes (not a transaction's BEGIN and COMMIT), and the response."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    sql = [q["sql"] for q in captured.captured_queries if not q["sql"].upper().startswith(TRANSACTION_CONTROL)]
    return sql, response


@pytest.fixture(params=["database", "redis"])
def where_kept(request):
    """Sessions as the service keeps them: in the database without a shared cache, and read from a real Redis
    with REDIS_URL (``cached_db``)."""
    if request.param == "redis":
        request.getfixturevalue("redis_cache")
    return request.param


def settled(client, url):
    """GET ``url`` twice and give the second response: with Redis, the session is then read from the cache, so
    what follows tests a change reaching a request that reads the session from Redis."""
    client.get(url)
    return client.get(url)


def writes(sql):
    return [statement for statement in sql if statement.upper().startswith(WRITES)]


def stored_expiry(client):
    return Session.objects.get(session_key=client.session.session_key).expire_date


def age_the_refresh(client, seconds):
    """Pretend the session's expiry was last written ``seconds`` ago."""
    session = client.session
    session[REFRESHED_AT] = int(time.time()) - seconds
    session.save()


def test_a_signed_in_page_costs_at_most_two_statements_and_writes_nothing(where_kept, officer):
    client = client_for(officer)
    client.get(HELLO)

    sql, response = statements(client, HELLO)

    assert response.status_code == 200 and response.content == b"hello"
    assert len(sql) <= (1 if where_kept == "redis" else 2), sql  # the session from Redis, or its row; the user
    assert writes(sql) == []


def test_a_person_with_two_step_verified_costs_one_statement_more_and_writes_nothing(officer, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    client = client_for(officer)
    set_up(client, officer)  # verifies this session
    client.get(HELLO)

    sql, response = statements(client, HELLO)

    assert response.status_code == 200
    assert len(sql) <= 3, sql  # django-otp reads the device that verified the session
    assert writes(sql) == []


def test_a_real_page_writes_nothing_on_a_get(officer, compact):
    client = client_for(officer)
    client.get(reverse("dashboard"))

    sql, response = statements(client, reverse("dashboard"))

    assert response.status_code == 200
    assert writes(sql) == []


def test_the_expiry_is_written_again_once_it_is_older_than_the_refresh_time(officer, settings):
    settings.SESSION_REFRESH_SECONDS = 300
    client = client_for(officer)
    age_the_refresh(client, 301)
    # Written a while ago: an hour of the eight is left.
    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=timezone.now() + timezone.timedelta(hours=1)
    )
    before = time.time()

    sql, response = statements(client, HELLO)

    assert response.status_code == 200
    assert len(writes(sql)) == 1
    expiry = stored_expiry(client).timestamp()
    assert before + settings.SESSION_COOKIE_AGE - 5 <= expiry <= time.time() + settings.SESSION_COOKIE_AGE
    sql, _ = statements(client, HELLO)
    assert writes(sql) == []  # and not again until the refresh time has passed


def test_a_session_never_outlives_the_cookie_age_after_the_last_request(officer, settings):
    client = client_for(officer)
    for _ in range(3):
        requested = time.time()
        assert client.get(HELLO).status_code == 200
        assert stored_expiry(client).timestamp() <= requested + settings.SESSION_COOKIE_AGE + 1


def test_eight_hours_without_a_request_signs_the_person_out(officer, settings):
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    client = client_for(officer)
    assert client.get(HELLO).status_code == 200
    # Eight hours later: the expiry written at the last refresh has passed.
    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=timezone.now() - timezone.timedelta(seconds=1)
    )

    response = client.get(HELLO)

    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_a_role_taken_away_counts_from_the_next_request(where_kept, champion, compact):
    client = client_for(champion)
    assert settled(client, reverse("wins:win_create")).status_code == 200

    champion.groups.remove(Group.objects.get(name=CHAMPION))

    assert client.get(reverse("wins:win_create")).status_code == 403


def test_two_step_turned_on_elsewhere_is_asked_for_on_the_next_request(where_kept, officer, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    client = sign_in(officer)
    assert settled(client, HELLO).status_code == 200

    set_up(client_for(officer), officer)  # in another browser

    response = client.get(HELLO)
    assert response.status_code == 302 and response.url.startswith(reverse("two_step_verify"))


def test_officers_required_to_use_two_step_are_sent_to_set_it_up_on_the_next_request(where_kept, officer):
    client = client_for(officer)
    assert settled(client, HELLO).status_code == 200

    SecuritySettings.objects.create(require_officer_two_step=True)

    response = client.get(HELLO)
    assert response.status_code == 302 and response.url == reverse("two_step_setup")


def test_a_verified_session_ends_its_access_when_the_device_is_removed(where_kept, officer, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    device = set_up(client_for(officer), officer)
    next_time_step(device)
    client = sign_in(officer)
    client.post(reverse("two_step_verify"), {"code": code_for(device)})
    assert settled(client, HELLO).status_code == 200

    TOTPDevice.objects.filter(pk=device.pk).delete()
    TOTPDevice.objects.create(user=officer, name="Another app", confirmed=True)

    response = client.get(HELLO)
    assert response.status_code == 302 and response.url.startswith(reverse("two_step_verify"))


REDIS_ONLY = pytest.mark.parametrize("where_kept", ["redis"], indirect=True)


def test_a_person_switched_off_is_signed_out_on_the_next_request(where_kept, officer):
    client = client_for(officer)
    assert settled(client, HELLO).status_code == 200

    officer.is_active = False
    officer.save()

    response = client.get(HELLO)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_a_new_password_signs_out_the_persons_other_sessions(where_kept, officer):
    client = client_for(officer)
    assert settled(client, HELLO).status_code == 200

    officer.set_password("a-new-and-longer-password-77")
    officer.save()

    response = client.get(HELLO)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_a_role_renamed_counts_from_the_next_request(where_kept, champion, compact):
    client = client_for(champion)
    assert settled(client, reverse("wins:win_create")).status_code == 200

    role = Group.objects.get(name=CHAMPION)
    role.name = "Former champions"
    role.save()

    assert client.get(reverse("wins:win_create")).status_code == 403


@REDIS_ONLY
def test_with_redis_the_user_and_roles_are_read_from_the_database_whatever_redis_holds(where_kept, champion, compact):
    """The cache holds the session, never the user: a role taken away is refused however the cache was filled,
    even by a Redis restored from a snapshot taken before the change."""
    client = client_for(champion)
    assert settled(client, reverse("wins:win_create")).status_code == 200
    before = cache_snapshot()

    champion.groups.remove(Group.objects.get(name=CHAMPION))
    restore_cache(before)  # Redis as it was before the change

    assert client.get(reverse("wins:win_create")).status_code == 403


def cache_snapshot():
    """Every key this test's Redis cache holds, with its raw value (as a snapshot would keep them)."""
    from django.core.cache import cache
    from django_redis import get_redis_connection

    connection = get_redis_connection("default")
    return {key: connection.dump(key) for key in connection.scan_iter(match=f"{cache.key_prefix}:*")}


def restore_cache(items):
    from django_redis import get_redis_connection

    connection = get_redis_connection("default")
    for key, value in items.items():
        connection.restore(key, 0, value, replace=True)


@REDIS_ONLY
def test_with_redis_a_session_ends_at_most_eight_hours_after_its_last_write(where_kept, officer, settings):
    """Redis forgets a session when its time is up: the key lives no longer than the cookie age."""
    from django.core.cache import cache

    client = client_for(officer)
    assert settled(client, HELLO).status_code == 200
    key = client.session.cache_key
    ttl = cache.ttl(key)  # django-redis's documented ttl()
    assert settings.SESSION_COOKIE_AGE - settings.SESSION_REFRESH_SECONDS - 5 <= ttl <= settings.SESSION_COOKIE_AGE
