"""The WSGI entry point sets what a worker has loaded aside from the garbage collector after its first request."""

import gc

from compact_site.wsgi import FreezeAfterFirstRequest


def test_the_first_request_freezes_what_the_worker_loaded_and_later_ones_do_not_again():
    calls = []

    def app(environ, start_response):
        calls.append(gc.get_freeze_count())
        return [b"ok"]

    wrapped = FreezeAfterFirstRequest(app)
    gc.unfreeze()
    try:
        assert wrapped({}, None) == [b"ok"]
        assert calls == [0] and gc.get_freeze_count() > 0  # answered first, frozen after
        frozen = gc.get_freeze_count()
        wrapped({}, None)
        assert gc.get_freeze_count() == frozen  # not again
    finally:
        gc.unfreeze()
