"""The demo's public site: open, with the scores, how the commitments are kept, the sector’s seats, the latest published report and ten
published wins shown."""

from compact_site.reporting.models import Report, ReportStatus
from wins.models import Win, WinStatus

from .models import PublicSiteSettings

PUBLIC_WINS = 10


def open_public_site(*, compact, officer):
    """Open the public site as an officer would; returns how many wins and reports it shows."""
    setting = PublicSiteSettings.current()
    setting.is_on, setting.publish_scores, setting.publish_commitments, setting.updated_by = True, True, True, officer
    setting.publish_representation = setting.publish_scrutiny = True
    setting.save()
    latest = Report.objects.filter(compact=compact, status=ReportStatus.PUBLISHED).order_by("-period_end").first()
    if latest:
        latest.is_public = True
        latest.save(update_fields=["is_public"])
    wins = Win.objects.filter(compact=compact, status=WinStatus.PUBLISHED).order_by("-happened_on", "-id")
    chosen = list(wins.values_list("pk", flat=True)[:PUBLIC_WINS])
    Win.objects.filter(pk__in=chosen).update(show_on_public_site=True)
    return {"wins on the public site": len(chosen), "reports on the public site": 1 if latest else 0}
