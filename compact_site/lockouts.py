"""Sign-in lockouts (django-axes): the page a locked-out person sees, and the officers' list."""

from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from signatories.roles import OFFICER, role_required


def cooloff_hours():
    return settings.AXES_COOLOFF_TIME.total_seconds() / 3600


def lockouts():
    """Username and address pairs locked out now, most recent first."""
    return AccessAttempt.objects.filter(failures_since_start__gte=settings.AXES_FAILURE_LIMIT).order_by("-attempt_time")


@role_required(OFFICER)
def lockout_list(request):
    return render(
        request,
        "compact_site/lockout_list.html",
        {"lockouts": lockouts(), "limit": settings.AXES_FAILURE_LIMIT, "hours": cooloff_hours()},
    )


@role_required(OFFICER)
@require_POST
def lockout_clear(request, pk):
    attempt = get_object_or_404(AccessAttempt, pk=pk)
    reset(username=attempt.username, ip=attempt.ip_address)
    messages.success(request, f"{attempt.username} can sign in again from {attempt.ip_address}.")
    return redirect("lockout_list")
