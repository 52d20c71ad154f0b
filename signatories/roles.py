"""Who may see what: the four roles of the service and the one decorator every view uses.

Roles are Django groups, created by a data migration in this app (the lowest layer, so every
other app may import this module). The default is deny: a view without ``role_required`` is
caught by the permission-matrix test.
"""

from functools import wraps

from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef

OFFICER = "Compact officer"
CHAMPION = "Champion"
LSP_MEMBER = "LSP member"
# Someone who holds a seat for the sector on a partnership board (success factor 5): they see the boards and write
# report-backs for their own seats. A champion who holds a seat needs no second role; this one is for a person
# invited only to represent the sector, who reads nothing else.
REPRESENTATIVE = "Representative"
ALL_ROLES = (OFFICER, CHAMPION, LSP_MEMBER, REPRESENTATIVE)
# The roles that read the Compact's own pages (the register, factors, wins, reports...).
READERS = (OFFICER, CHAMPION, LSP_MEMBER)


# The annotations ``with_roles`` adds: whether the user holds each role.
ROLE_ANNOTATIONS = {
    OFFICER: "holds_officer_role",
    CHAMPION: "holds_champion_role",
    LSP_MEMBER: "holds_lsp_role",
    REPRESENTATIVE: "holds_representative_role",
}


def with_roles(users):
    """``users`` with the roles each holds read in the same statement (``roles_of`` uses them).

    The signed-in user is read this way on every request, so checking a role costs no query of its own
    and is never stale: taking a role away works on the next request.
    """
    Membership = get_user_model().groups.through
    return users.annotate(
        **{
            name: Exists(Membership.objects.filter(user=OuterRef("pk"), group__name=role))
            for role, name in ROLE_ANNOTATIONS.items()
        }
    )


def roles_of(user):
    """The set of role names a user holds (kept on the user object, as ``compact_roles``, for the request)."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    if not hasattr(user, "compact_roles"):
        if hasattr(user, ROLE_ANNOTATIONS[OFFICER]):
            names = [role for role, name in ROLE_ANNOTATIONS.items() if getattr(user, name)]
        else:
            names = user.groups.filter(name__in=ALL_ROLES).values_list("name", flat=True)
        user.compact_roles = frozenset(names)
    return user.compact_roles


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
