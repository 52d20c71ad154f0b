"""The storage of the one-off messages pages show after a change ("The round is open")."""

from django.contrib.messages.storage.base import BaseStorage
from django.contrib.messages.storage.fallback import FallbackStorage
from django.utils.functional import cached_property


class LazyFallbackStorage(FallbackStorage):
    """Django's own (a signed cookie, the session when the cookie is full), except that its two storages, each
    with a cookie signer, are made only when a page reads or adds a message: most requests do neither."""

    def __init__(self, request, *args, **kwargs):
        BaseStorage.__init__(self, request, *args, **kwargs)
        self._made_with = (request, args, kwargs)
        self._used_storages = set()

    @cached_property
    def storages(self):
        request, args, kwargs = self._made_with
        return [storage_class(request, *args, **kwargs) for storage_class in self.storage_classes]
