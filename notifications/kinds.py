"""Every kind of email the service sends, as data: its key, a label and description people read on
"Your emails", and whether it is essential (always sent) or optional (a person can turn it off).

Another app sends a kind by passing its key to ``notifications.services.queue_email``. To add a kind,
add a ``Kind`` here; "Your emails" lists it from then on.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    description: str
    essential: bool


INVITATION = "invitation"
PASSWORD_RESET = "password_reset"
WIN_OUTCOME = "win_outcome"
REPORT_PUBLISHED = "report_published"
ROUND_OPENED = "round_opened"
ROUND_CHASE = "round_chase"
ROUND_REMINDER = "round_reminder"
ROUND_SUMMARY = "round_summary"
ACTIONS_DIGEST = "actions_digest"
REPORT_DUE = "report_due"
FUNDING_NOTICE_WARNING = "funding_notice_warning"
REPORT_BACK_REMINDER = "report_back_reminder"
SEATS_SUMMARY = "seats_summary"
RESPONSES_DIGEST = "responses_digest"

ALL = (
    Kind(
        INVITATION, "Invitations", "The link to set up your account when a Compact officer invites you.", essential=True
    ),
    Kind(
        PASSWORD_RESET,
        "Password resets",
        "The link to choose a new password, sent only when you ask for one.",
        essential=True,
    ),
    Kind(
        WIN_OUTCOME,
        "The outcome of your wins",
        "When a Compact officer publishes a win you recorded, or returns it to you with a note.",
        essential=True,
    ),
    Kind(
        REPORT_PUBLISHED,
        "Reports to the LSP",
        "A published report to the Local Strategic Partnership, when an officer sends it to the board.",
        essential=True,
    ),
    # A round's opening and an officer's chase are each sent once, by an officer's deliberate act, and are
    # how the round asks an organisation for its self-assessment: essential. The automatic reminders are not.
    Kind(
        ROUND_OPENED,
        "Self-assessment round opened",
        "When a Compact officer opens this year's self-assessment, with the link to your organisation's.",
        essential=True,
    ),
    Kind(
        ROUND_CHASE,
        "Notes from an officer about your self-assessment",
        "A Compact officer's note asking your organisation to finish its self-assessment.",
        essential=True,
    ),
    Kind(
        ROUND_REMINDER,
        "Self-assessment reminders",
        "Reminders before the deadline while your organisation's self-assessment is not submitted.",
        essential=False,
    ),
    Kind(
        ROUND_SUMMARY,
        "Self-assessment round summaries",
        "For officers: the day after a round's deadline, how many organisations responded and who did not.",
        essential=False,
    ),
    Kind(
        ACTIONS_DIGEST,
        "Weekly actions digest",
        "On Monday mornings, the actions you own that are due in the next 14 days or overdue.",
        essential=False,
    ),
    Kind(
        REPORT_DUE,
        "LSP report reminders",
        "For officers: when the next report to the LSP is due soon or overdue.",
        essential=False,
    ),
    Kind(
        FUNDING_NOTICE_WARNING,
        "Funding notice warnings",
        "When a funding decision is close to the Compact's three months' notice.",
        essential=False,
    ),
    Kind(
        REPORT_BACK_REMINDER,
        "Report-back reminders",
        "For representatives: once, when a meeting of your board has had no report-back from you for 14 days.",
        essential=False,
    ),
    Kind(
        SEATS_SUMMARY,
        "The sector's seats each month",
        "For officers: on the first of the month, the terms ending within two months and the seats vacant for "
        "more than a month.",
        essential=False,
    ),
    Kind(
        RESPONSES_DIGEST,
        "Weekly overdue responses to committees",
        "On Monday mornings, the committees' recommendations your organisation must respond to whose response is "
        "overdue.",
        essential=False,
    ),
)

BY_KEY = {kind.key: kind for kind in ALL}
CHOICES = [(kind.key, kind.label) for kind in ALL]


def get(key):
    """The ``Kind`` for a key; a ValueError for a key nobody declared, so a typo never sends silently."""
    try:
        return BY_KEY[key]
    except KeyError:
        raise ValueError(f"Unknown kind of email: {key!r}. Declare it in notifications/kinds.py.") from None


def optional():
    return [kind for kind in ALL if not kind.essential]
