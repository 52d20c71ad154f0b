"""Who may see what: the three roles of the service and the one decorator every view uses.

Roles are Django groups, created by a data migration in this app (the lowest layer, so every
other app may import this module). The default is deny: a view without ``role_required`` is
caught by the permission-matrix test.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

OFFICER = "Compact officer"
CHAMPION = "Champion"
LSP_MEMBER = "LSP member"
ALL_ROLES = (OFFICER, CHAMPION, LSP_MEMBER)
READERS = ALL_ROLES


def roles_of(user):
    """The set of role names a user holds (cached on the user object for the request)."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    if not hasattr(user, "_compact_roles"):
        names = user.groups.filter(name__in=ALL_ROLES).values_list("name", flat=True)
        user._compact_roles = frozenset(names)
    return user._compact_roles


def has_role(user, *roles):
    return bool(roles_of(user) & set(roles))


def is_officer(user):
    return has_role(user, OFFICER)


def role_required(*roles):
    """Let a view run only for users holding one of ``roles``.

    Anonymous users go to the login page; signed-in users without the role get a 403.
    """
    if not roles or not set(roles) <= set(ALL_ROLES):
        raise ValueError(f"role_required needs roles from {ALL_ROLES}, got {roles}")

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not has_role(request.user, *roles):
                raise PermissionDenied("Your role does not allow this page.")
            return view(request, *args, **kwargs)

        wrapped.allowed_roles = frozenset(roles)
        return wrapped

    return decorator


def public(view):
    """Mark a view as open to everyone (login, password reset, invitation acceptance)."""
    view.allowed_roles = "public"
    return view
