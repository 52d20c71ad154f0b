"""Object-level rules on top of the roles: whose assessment, whose action."""

from signatories.roles import CHAMPION, OFFICER, roles_of
from signatories.selectors import organisation_for


def can_work_on_assessment(user, assessment):
    """Officers work on any assessment; a champion only on their own organisation's."""
    roles = roles_of(user)
    if OFFICER in roles:
        return True
    return CHAMPION in roles and organisation_for(user) == assessment.organisation


def can_update_action(user, action):
    """Officers update any action; a champion updates the actions they or their organisation own."""
    roles = roles_of(user)
    if OFFICER in roles:
        return True
    if CHAMPION not in roles:
        return False
    if action.owner_user_id == user.pk:
        return True
    organisation = organisation_for(user)
    return organisation is not None and action.owner_organisation_id == organisation.pk
