"""The WSGI entry point sets what a worker has loaded aside from the garbage collector after a request, again
only when that request imported more code."""

import gc
import sys

from compact_site import wsgi


def test_what_is_loaded_is_set_aside_after_a_request_and_again_only_when_more_code_came_in(monkeypatch):
    calls = []

    def app(environ, start_response):
        calls.append(gc.get_freeze_count())
        return [b"ok"]

    wrapped = wsgi.SetAsideAfterEachRequest(app)
    monkeypatch.setattr(wsgi, "_modules_when_frozen", 0)
    gc.unfreeze()
    try:
        assert wrapped({}, None) == [b"ok"]
        assert calls == [0] and gc.get_freeze_count() > 0  # answered first, set aside after
        gc.unfreeze()
        wrapped({}, None)
        assert gc.get_freeze_count() == 0  # nothing new was imported: nothing to do
        monkeypatch.setitem(sys.modules, "a_module_a_request_imported", object())
        wrapped({}, None)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
