"""Sign-in lockouts (django-axes): the page a locked-out person sees, and the officers' list."""

from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from signatories.roles import OFFICER, role_required


def client_ip(request):
    """The address a sign-in came from, for django-axes (``AXES_CLIENT_IP_CALLABLE``).

    Directly on the internet, ``REMOTE_ADDR``. Behind ``TRUSTED_PROXY_COUNT`` proxies that each add the
    address they saw to ``X-Forwarded-For``, the entry that many from the right: the address the outermost
    trusted proxy saw. Counting from the right means a client cannot choose its address by sending the
    header itself.
    """
    count = settings.TRUSTED_PROXY_COUNT
    if count:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR")


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
