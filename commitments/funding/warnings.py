"""The early warning: officers are emailed when funding ends within four months and no notice is recorded.

A daily scheduled job (``compact_site/jobs/registry.py``). The officers' home page shows the same list
(``commitments.selectors.funding_ending_without_notice``); the email makes sure nobody has to look.
"""

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone

from notifications import kinds
from notifications.services import queue_email, site_url
from signatories.models import Compact
from signatories.selectors import officers

from ..checks import corresponding_day
from ..models import Commitment, Rule
from ..selectors import WARN_MONTHS, funding_ending_without_notice
from .models import FundingNoticeWarning

DEFAULT_NOTICE_MONTHS = 3


def notice_months():
    """The months of notice the Compact promises (its notice commitment's threshold), 3 if it has none."""
    commitment = Commitment.objects.filter(rule=Rule.NOTICE, retired_on__isnull=True).order_by("order", "id").first()
    return (commitment and commitment.threshold) or DEFAULT_NOTICE_MONTHS


def send_funding_notice_warnings(today=None):
    """Email every officer one list of the funding decisions that end within four months with no notice
    recorded and that nobody has been warned about yet for that end date. Returns a one-line summary."""
    today = today or timezone.localdate()
    months = notice_months()
    warned = 0
    for compact in Compact.objects.all():
        already = FundingNoticeWarning.objects.filter(funding_decision=OuterRef("pk"), ends_on=OuterRef("ends_on"))
        ending = list(funding_ending_without_notice(compact=compact, today=today).exclude(Exists(already)))
        if not ending:
            continue
        people = list(officers())
        rows = [
            {
                "decision": decision,
                "notice_by": corresponding_day(decision.ends_on, -months),
                "link": site_url(decision.get_absolute_url()),
            }
            for decision in ending
        ]
        try:
            with transaction.atomic():
                FundingNoticeWarning.objects.bulk_create(
                    [
                        FundingNoticeWarning(
                            funding_decision=decision, ends_on=decision.ends_on, sent_on=today, recipients=len(people)
                        )
                        for decision in ending
                    ]
                )
                for officer in people:
                    queue_email(
                        to=officer.email,
                        subject=_subject(ending),
                        template="commitments/email/funding_notice_warning.txt",
                        context={
                            "name": officer.first_name or officer.username,
                            "compact": compact,
                            "rows": rows,
                            "months": months,
                            "warn_months": WARN_MONTHS,
                            "today": today,
                            "list_link": site_url(reverse("commitments:funding_list")),
                        },
                        kind=kinds.FUNDING_NOTICE_WARNING,
                        user=officer,
                    )
        except IntegrityError:
            continue  # another run warned about these at the same moment
        warned += len(ending)
    if not warned:
        return "No funding ending without notice"
    return f"Officers warned about {warned} funding decision{'s' if warned != 1 else ''} ending without notice"


def _subject(ending):
    if len(ending) == 1:
        decision = ending[0]
        return f"{decision.name} ends on {decision.ends_on.day} {decision.ends_on:%B %Y} and no notice is recorded"
    return f"{len(ending)} funding decisions end within {WARN_MONTHS} months and no notice is recorded"
