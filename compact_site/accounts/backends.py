"""How a signed-in person is read on each request."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import AbstractBaseUser

from signatories.roles import with_roles

from .otp import with_two_step_state


def read_signed_in_user(user_id: int) -> AbstractBaseUser | None:
    """The user with ``user_id`` with their roles and two-step state, read from the database in one statement."""
    users = get_user_model().objects.filter(pk=user_id)
    return with_two_step_state(with_roles(users)).first()


class SignInBackend(ModelBackend):
    """Django's own backend, reading the signed-in user with their roles and two-step state in one statement.

    Everything a request needs to know about who is asking (the roles ``role_required`` checks, whether
    they have an authenticator, whether officers must have one) comes with the user row, so none of it
    costs a query of its own. It is read from the database on every request, never from the cache, so a
    role taken away is refused on the next request whatever the cache holds (a Redis restored from an older
    snapshot included).
    """

    def get_user(self, user_id):
        try:
            user = read_signed_in_user(int(user_id))
        except (TypeError, ValueError):
            return None
        return user if user is not None and self.user_can_authenticate(user) else None
