"""How a signed-in person is read on each request."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from signatories.roles import with_roles

from .otp import with_two_step_state


class SignInBackend(ModelBackend):
    """Django's own backend, reading the signed-in user with their roles and two-step state in one statement.

    Everything a request needs to know about who is asking (the roles ``role_required`` checks, whether
    they have an authenticator, whether officers must have one) comes with the user row, so none of it
    costs a query of its own and none of it can be stale.
    """

    def get_user(self, user_id):
        User = get_user_model()
        users = with_two_step_state(with_roles(User._default_manager.all()))
        try:
            user = users.get(pk=user_id)
        except User.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
