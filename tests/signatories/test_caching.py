"""The one caching mechanism (``signatories.caching``): an answer is cached under the versions of the data it
reads, worked out again once any of them is invalidated, and never found again after the cache is emptied."""

import pytest
from django.core.cache import cache
from django.db import transaction

from signatories import caching

pytestmark = pytest.mark.django_db(transaction=True)  # invalidating waits for the commit too


def counting(answer):
    calls = []

    def compute():
        calls.append(1)
        return answer

    return compute, calls


def test_an_answer_is_worked_out_again_only_after_its_data_is_invalidated():
    compute, calls = counting("<p>page part</p>")

    assert caching.cached("part", [caching.WINS], compute) == "<p>page part</p>"
    assert caching.cached("part", [caching.WINS], compute) == "<p>page part</p>"
    assert len(calls) == 1

    caching.invalidate(caching.REGISTER)  # another kind: still cached
    caching.cached("part", [caching.WINS], compute)
    assert len(calls) == 1

    caching.invalidate(caching.WINS)
    caching.cached("part", [caching.WINS], compute)
    assert len(calls) == 2


def test_an_answer_reading_several_kinds_goes_when_any_of_them_is_invalidated():
    compute, calls = counting(42)
    caching.cached("figure", [caching.SCORES, caching.REGISTER], compute)
    caching.invalidate(caching.REGISTER)
    caching.cached("figure", [caching.SCORES, caching.REGISTER], compute)
    assert len(calls) == 2


def test_versions_are_random_so_an_emptied_cache_never_brings_an_old_answer_back():
    before = caching.versions(caching.WINS)
    old_key = caching.cache_key("page", [caching.WINS])
    cache.clear()  # Redis flushed or restarted
    assert caching.versions(caching.WINS) != before
    assert caching.cache_key("page", [caching.WINS]) != old_key


def test_an_answer_worked_out_from_rows_read_before_a_change_is_never_served_after_it():
    """A slow request reads the versions, then the rows; a change commits meanwhile and invalidates. What the
    slow request caches sits under the old versions, which nobody asks for again."""
    slow_key = caching.cache_key("page", [caching.WINS])  # the slow request starts: versions read first
    with transaction.atomic():
        caching.invalidate(caching.WINS)  # the change, committed
    cache.set(slow_key, "the page before the change")  # the slow request finishes

    compute, calls = counting("the page after the change")
    assert caching.cached("page", [caching.WINS], compute) == "the page after the change"


def test_an_invalidation_is_made_again_when_its_change_commits():
    """Between the change and its commit, another request could read the old rows and cache them under the new
    version: the commit invalidates once more."""
    compute, calls = counting("old rows")
    with transaction.atomic():
        caching.invalidate(caching.FACTORS)
        caching.cached("factors page", [caching.FACTORS], compute)  # another request, before the commit
    new_compute, new_calls = counting("new rows")
    assert caching.cached("factors page", [caching.FACTORS], new_compute) == "new rows"


def test_cached_html_is_safe_to_place_in_a_page():
    html = caching.cached_html("fragment", [caching.WINS], lambda: "<p>Ready</p>")
    assert html == "<p>Ready</p>" and hasattr(html, "__html__")


def in_a_request(work):
    """Run ``work`` as a request runs: between Django's request_started and request_finished signals."""
    from django.core.signals import request_finished, request_started

    request_started.send(sender=None)
    try:
        return work()
    finally:
        request_finished.send(sender=None)


def test_a_request_reads_every_version_in_one_round_trip_and_sees_its_own_invalidations():
    """The versions are read once per request (all kinds together), not once per cached part; a change the
    request makes itself gives it new ones at once; the next request reads them afresh."""
    compute, calls = counting("<p>part</p>")

    def request():
        first = caching.versions(caching.WINS, caching.REGISTER)
        cache.delete(f"version:{caching.WINS}")  # another worker's invalidation, mid-request
        same = caching.versions(caching.WINS)
        caching.invalidate(caching.REGISTER)  # this request's own change
        caching.cached("part", [caching.REGISTER], compute)
        caching.cached("part", [caching.REGISTER], compute)
        return first, same, caching.versions(caching.WINS, caching.REGISTER)

    first, same, after_own_change = in_a_request(request)

    assert same == first.split("-")[0]  # one read for the whole request
    assert after_own_change.split("-")[1] != first.split("-")[1]  # its own invalidation seen at once
    assert len(calls) == 1
    next_request = in_a_request(lambda: caching.versions(caching.WINS))
    assert next_request != same  # the other worker's invalidation, seen by the next request
    assert caching.versions(caching.WINS) == next_request  # outside a request: read each time, the same here
    cache.delete(f"version:{caching.WINS}")
    assert caching.versions(caching.WINS) != next_request  # and outside a request, never kept
