"""For tests of the held reads (compact_site.cache.HeldReads): count what this thread's held-reads connection
sends Redis, as it goes."""


def round_trips(cache):
    """A list that grows by one each time this thread's held-reads connection of ``cache`` sends Redis
    something (the connection is made first, by a read of a key nobody uses)."""
    cache.get_many_held(["round-trips-warm-up"])
    connection = cache._cache.held._local.tracked.connection
    sent = []
    real = connection.send_packed_command
    connection.send_packed_command = lambda *args, **kwargs: sent.append(args) or real(*args, **kwargs)
    return sent
