"""Fault tests with real processes: gunicorn in production mode, our own redis-server, a database of their own.

Redis is a help, never a need (docs/DESIGN): these tests kill, flush and roll back a real Redis under a real
gunicorn while clients load it, and check that no page fails, that a role taken away or a win taken off the
public site is never seen again, and that production mode's https redirect, host check and conditional GET
hold for cached pages. ``conftest`` builds what they share; ``seed`` and ``control`` run in subprocesses.
"""
