"""Emails: officers' "Emails not sent", everyone's "Your emails", and one-click unsubscribe."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from notifications import kinds, selectors, services
from notifications.models import MessageStatus, OutgoingMessage
from signatories.roles import ALL_ROLES, OFFICER, public, role_required

from .forms import EmailChoicesForm


@role_required(OFFICER)
def not_sent_list(request):
    return render(
        request,
        "compact_site/emails/not_sent_list.html",
        {"messages_not_sent": selectors.messages_not_sent(), "waiting": selectors.waiting_count()},
    )


@role_required(OFFICER)
@require_POST
def retry(request, pk):
    message = get_object_or_404(OutgoingMessage, pk=pk, status=MessageStatus.FAILED)
    services.retry_message(message=message, by=request.user)
    messages.success(request, f"The email “{message.subject}” to {message.to} will be sent again now.")
    return redirect("emails:not_sent")


@role_required(*ALL_ROLES)
def preferences(request):
    choices = selectors.preferences_for(request.user)
    initial = {"wanted": [kind.key for kind, on in choices if on and not kind.essential]}
    form = EmailChoicesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        wanted = set(form.cleaned_data["wanted"])
        for kind in kinds.optional():
            services.set_preference(user=request.user, kind=kind.key, enabled=kind.key in wanted)
        messages.success(request, "Your email choices have been saved.")
        return redirect("emails:preferences")
    return render(
        request,
        "compact_site/emails/preferences.html",
        {
            "form": form,
            "essential": [kind for kind in kinds.ALL if kind.essential],
            "optional": kinds.optional(),
            "wanted": set(form["wanted"].value() or []),
        },
    )


# Mail programs send the one-click POST (RFC 8058) without a session or CSRF token; the signed token in
# the address is what allows it, and it can only turn one optional kind off.
@public
@csrf_exempt
def unsubscribe(request, token):
    found = services.read_unsubscribe_token(token)
    person = selectors.user_by_id(found[0]) if found else None
    if person is None:
        return render(request, "compact_site/emails/unsubscribe_invalid.html", status=404)
    kind = kinds.get(found[1])
    if request.method == "POST":
        services.set_preference(user=person, kind=kind.key, enabled=False)
        return render(request, "compact_site/emails/unsubscribed.html", {"kind": kind})
    return render(request, "compact_site/emails/unsubscribe.html", {"kind": kind, "person": person})
