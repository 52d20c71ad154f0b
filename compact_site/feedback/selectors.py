"""The problems people have reported, for officers."""

from django.db.models import QuerySet

from .models import ProblemReport


def problem_reports() -> QuerySet[ProblemReport]:
    """Every problem report, newest first."""
    return ProblemReport.objects.order_by("-created_at", "-id")
