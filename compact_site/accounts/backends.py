"""How a signed-in person is read on each request."""

import contextvars
import functools
import uuid

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django_otp.plugins.otp_totp.models import TOTPDevice

from signatories.roles import with_roles

from .otp import with_two_step_state

# Stands for the user's id while the statement is compiled, and is found again among its parameters.
_ID_PLACEHOLDER = -1_730_452_961


@functools.cache
def _signed_in_user_sql(vendor):
    """The statement that reads a user with their roles and two-step state, compiled once per process.

    Django compiles a query with five subqueries on every use, which cost more than running it; the
    statement never changes, only the user's id in it.
    """
    users = with_two_step_state(with_roles(get_user_model()._default_manager.filter(pk=_ID_PLACEHOLDER)))
    sql, params = users.query.sql_with_params()
    return sql, list(params).index(_ID_PLACEHOLDER), list(params)


def read_signed_in_user(user_id):
    """The user with ``user_id`` with their roles and two-step state, read from the database, or None."""
    sql, position, params = _signed_in_user_sql(connection.vendor)
    params = [*params[:position], int(user_id), *params[position + 1:]]
    found = list(get_user_model()._default_manager.raw(sql, params))
    return found[0] if found else None


# With a cache every server shares (Redis), the signed-in user is kept there between requests, and every kept
# user is forgotten the moment anything one carries changes: a user (a password, being switched off, signing
# in), their roles, their authenticator, the officers' two-step rule or a role's name. Each kept user carries
# the version it was read under, read before the database, so a request that read a row just before a change
# cannot keep it after. A per-process cache could not forget in the other processes, so there the user is
# read from the database on every request.
#
# The user is kept under the session's key, so the session store (``sessions.SessionStore``) reads it and the
# version in the same round trip as the session itself, and hands them on here.
KEPT_USER_VERSION = "accounts:kept-users-version"
_read_with_session = contextvars.ContextVar("kept_user_read_with_session", default=None)


def keeps_users():
    return settings.KEPT_USER_SECONDS > 0  # only ever with Redis (settings)


def kept_user_key(session_key):
    return f"accounts:kept-user:{session_key}"


def keys_to_read_with_session(session_key):
    """The cache keys the session store reads beside the session: the kept users' version and this session's
    kept user."""
    return [KEPT_USER_VERSION, kept_user_key(session_key)] if keeps_users() else []


def read_with_session(session_key, found):
    """Hand on what the session store found for ``keys_to_read_with_session`` to this request's user."""
    if keeps_users():
        _read_with_session.set((session_key, found))


def signed_in_user(user_id):
    """The user with ``user_id`` with their roles and two-step state (see ``SignInBackend``), or None."""
    read = _read_with_session.get()
    _read_with_session.set(None)  # for this request only
    if not keeps_users() or read is None:  # no shared cache, or a session that did not come from our store
        return read_signed_in_user(user_id)
    session_key, found = read
    version, kept = found.get(KEPT_USER_VERSION), found.get(kept_user_key(session_key))
    if version is not None and kept is not None and kept[0] == version and kept[1].pk == int(user_id):
        return kept[1]
    if version is None:
        version = uuid.uuid4().hex
        cache.add(KEPT_USER_VERSION, version, None)
        version = cache.get(KEPT_USER_VERSION, version)
    user = read_signed_in_user(user_id)
    if user is not None:
        cache.set(kept_user_key(session_key), (version, user), settings.KEPT_USER_SECONDS)
    return user


def forget_kept_users(**kwargs):
    """Forget every kept user: now, and again once the change is committed."""
    if keeps_users():
        cache.delete(KEPT_USER_VERSION)
        transaction.on_commit(lambda: cache.delete(KEPT_USER_VERSION))


def connect_signals():
    from .models import SecuritySettings

    for model in (get_user_model(), TOTPDevice, Group, SecuritySettings):
        post_save.connect(forget_kept_users, sender=model, dispatch_uid=f"kept-user-save-{model.__name__}")
        post_delete.connect(forget_kept_users, sender=model, dispatch_uid=f"kept-user-delete-{model.__name__}")
    m2m_changed.connect(forget_kept_users, sender=get_user_model().groups.through, dispatch_uid="kept-user-roles")


class SignInBackend(ModelBackend):
    """Django's own backend, reading the signed-in user with their roles and two-step state in one statement.

    Everything a request needs to know about who is asking (the roles ``role_required`` checks, whether
    they have an authenticator, whether officers must have one) comes with the user row, so none of it
    costs a query of its own and none of it can be stale.
    """

    def get_user(self, user_id):
        try:
            user = signed_in_user(user_id)
        except (TypeError, ValueError):
            return None
        return user if user is not None and self.user_can_authenticate(user) else None
