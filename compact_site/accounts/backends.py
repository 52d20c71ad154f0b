"""How a signed-in person is read on each request."""

import functools

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db import connection

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


def signed_in_user(user_id):
    """The user with ``user_id`` with their roles and two-step state (see ``SignInBackend``), or None."""
    sql, position, params = _signed_in_user_sql(connection.vendor)
    params = [*params[:position], int(user_id), *params[position + 1:]]
    found = list(get_user_model()._default_manager.raw(sql, params))
    return found[0] if found else None


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
