"""Object-level rules on top of the roles: who may see, change and move a win."""

from signatories.roles import CHAMPION, OFFICER, READERS, roles_of

from .models import EDITABLE_STATUSES, WinStatus


def is_recorder(user, win):
    return user.is_authenticated and win.recorded_by_id == user.pk


def can_view_win(user, win):
    """Everyone signed in reads a published win; until then only its recorder and officers see it."""
    roles = roles_of(user)
    if win.status == WinStatus.PUBLISHED:
        return bool(roles & set(READERS))
    return OFFICER in roles or (CHAMPION in roles and is_recorder(user, win))


def can_edit_win(user, win):
    """Officers change any win; a champion changes their own, and only while it is a draft or returned."""
    roles = roles_of(user)
    if OFFICER in roles:
        return True
    return CHAMPION in roles and is_recorder(user, win) and win.status in EDITABLE_STATUSES


def can_submit_win(user, win):
    """A draft or returned win can be sent for publishing by whoever may change it."""
    return win.status in EDITABLE_STATUSES and can_edit_win(user, win)


def can_moderate(user):
    return OFFICER in roles_of(user)
