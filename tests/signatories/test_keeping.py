"""Kept answers: reused until what they show changes, read from this process when it holds them."""

import pytest
from django.core.cache import cache

from signatories import keeping
from tests.held_reads import round_trips

pytestmark = pytest.mark.django_db  # forgetting a version waits for the commit too


def counting(answer):
    calls = []

    def work_out():
        calls.append(1)
        return answer

    return work_out, calls


def test_a_kept_answer_is_worked_out_again_only_after_its_data_changes():
    work_out, calls = counting("<p>page part</p>")

    assert keeping.kept("part", [keeping.WINS], work_out) == "<p>page part</p>"
    assert keeping.kept("part", [keeping.WINS], work_out) == "<p>page part</p>"
    assert len(calls) == 1

    keeping.forget(keeping.WINS)
    keeping.kept("part", [keeping.WINS], work_out)
    assert len(calls) == 2


def test_held_text_is_not_read_from_the_cache_again(monkeypatch):
    work_out, calls = counting("x" * 200_000)
    keeping.kept("big part", [keeping.REGISTER], work_out)
    asked = []
    real_get_many = cache.get_many
    monkeypatch.setattr(cache, "get_many", lambda keys: asked.append(list(keys)) or real_get_many(keys))

    assert keeping.kept("big part", [keeping.REGISTER], work_out) == "x" * 200_000

    assert len(calls) == 1
    assert asked == [["kept-version:register"]]  # the version only, not the 200 KB answer


def test_held_text_is_not_used_once_its_version_is_retired_elsewhere():
    """Another server retires the version (here: the cache forgets it); this process must not answer from
    what it holds."""
    work_out, calls = counting("old")
    keeping.kept("part held", [keeping.SCORES], work_out)
    cache.delete("kept-version:scores")

    new_work_out, new_calls = counting("new")
    assert keeping.kept("part held", [keeping.SCORES], new_work_out) == "new"
    assert len(new_calls) == 1


def test_an_answer_another_process_worked_out_is_taken_from_the_cache():
    """When the held copy is out of date but another process has already kept the new answer, it is read, not
    worked out again."""
    keeping.kept("shared part", [keeping.FACTORS], counting("old")[0])
    keeping.forget(keeping.FACTORS)
    current = keeping.versions(keeping.FACTORS)
    kept_key = next(key for key in keeping._held if keeping._held[key][1] == "old")
    cache.set(kept_key, (current, "worked out elsewhere"), 60)

    work_out, calls = counting("here")
    assert keeping.kept("shared part", [keeping.FACTORS], work_out) == "worked out elsewhere"
    assert calls == []


def test_only_text_is_held_in_the_process():
    figures = {"count": 1}
    keeping.kept("figures", [keeping.WINS], lambda: figures)

    assert all(value[1] is not figures for value in keeping._held.values())
    assert keeping.kept("figures", [keeping.WINS], lambda: None) == {"count": 1}
    assert keeping.kept("figures", [keeping.WINS], lambda: None) is not figures  # a copy each time, as before


def test_a_version_retired_while_it_is_being_made_still_gives_an_answer(monkeypatch):
    """A change can retire a version between the request adding it and reading it back."""
    real_add = cache.add

    def add_then_retire(key, value, timeout=None):
        added = real_add(key, value, timeout)
        cache.delete(key)  # the change, in another request, at just that moment
        return added

    monkeypatch.setattr(cache, "add", add_then_retire)
    work_out, calls = counting("worked out")

    assert keeping.kept("raced part", [keeping.COMMITMENTS], work_out) == "worked out"
    monkeypatch.undo()
    assert keeping.kept("raced part", [keeping.COMMITMENTS], work_out) == "worked out"
    assert len(calls) == 2  # what was kept under the retired version is not believed


@pytest.fixture
def redis_cache(settings):
    """The service's Redis cache (REDIS_URL), in a database of its own, emptied before and after."""
    from django.core.cache import caches

    settings.CACHES = {"default": {"BACKEND": "compact_site.cache.RedisCache",
                                   "LOCATION": "redis://127.0.0.1:6379/4", "KEY_PREFIX": "test-keeping"}}
    keeping._held.clear()
    caches["default"].clear()
    yield caches["default"]
    caches["default"].clear()
    keeping._held.clear()


def test_with_redis_held_text_costs_no_round_trip_until_another_server_retires_its_version(redis_cache):
    import redis

    work_out, calls = counting("<p>held</p>")
    keeping.kept("part", [keeping.WINS], work_out)
    keeping.kept("part", [keeping.WINS], work_out)  # the versions are now held too
    sent = round_trips(redis_cache)

    assert keeping.kept("part", [keeping.WINS], work_out) == "<p>held</p>"
    assert sent == [] and len(calls) == 1

    # Another server's change retires the version on its own connection.
    redis.Redis.from_url("redis://127.0.0.1:6379/4").delete(redis_cache.make_and_validate_key("kept-version:wins"))
    new_work_out, new_calls = counting("<p>new</p>")
    assert keeping.kept("part", [keeping.WINS], new_work_out) == "<p>new</p>"
    assert len(new_calls) == 1
