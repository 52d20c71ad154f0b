"""Keeping a problem someone reports with a page: at most ``PROBLEM_REPORTS_PER_HOUR`` from one address an hour.

The limit counts the reports already stored (one indexed query), so it holds with Redis down or flushed and across
every server. The address itself is never stored: an HMAC of it, keyed with the service's secret, is.
"""

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from compact_site.about.selectors import statement_settings

from .models import ProblemReport


class TooManyReports(Exception):
    """The address has sent its hour's reports."""


def address_hash(address: str | None) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, (address or "unknown").encode(), hashlib.sha256).hexdigest()


def page_path(page: str) -> str:
    """The page a report came from, as a path on this site; anything else (another site, a script) is dropped."""
    page = (page or "").strip()
    if not page.startswith("/") or page.startswith("//") or "\\" in page:
        return ""
    return page[:500]


def report_problem(
    *, doing: str, went_wrong: str, email: str, page: str, address: str | None, signed_in: bool
) -> ProblemReport:
    """Store a problem report; TooManyReports once the address has sent ``PROBLEM_REPORTS_PER_HOUR`` this hour."""
    sender = address_hash(address)
    since = timezone.now() - timedelta(hours=1)
    if ProblemReport.objects.filter(address_hash=sender, created_at__gte=since).count() >= (
        settings.PROBLEM_REPORTS_PER_HOUR
    ):
        raise TooManyReports
    return ProblemReport.objects.create(
        doing=doing, went_wrong=went_wrong, email=email, page=page_path(page), address_hash=sender, signed_in=signed_in
    )


def delete_old_problem_reports() -> str:
    """The scheduled job: delete problem reports older than the months officers keep a leaver's data."""
    months = statement_settings().erase_after_months
    cutoff = timezone.now() - timedelta(days=round(months * 365.25 / 12))
    deleted, _ = ProblemReport.objects.filter(created_at__lt=cutoff).delete()
    return f"{deleted} problem report{'' if deleted == 1 else 's'} deleted"
