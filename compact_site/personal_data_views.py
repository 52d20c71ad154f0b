"""Officers' pages for one person's personal data: see it, download it as JSON, erase it."""

import json

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from signatories.models import Champion
from signatories.roles import OFFICER, role_required

from . import personal_data
from .personal_data_forms import EraseForm


def _person(pk):
    return get_object_or_404(get_user_model(), pk=pk), None


def _champion(pk):
    champion = get_object_or_404(Champion.objects.select_related("user", "organisation"), pk=pk)
    return champion.user, champion


def _page(request, user, champion, kind, pk):
    context = {
        "person": user,
        "champion": champion,
        "data": personal_data.person_data(user=user, champion=champion),
        "is_self": user is not None and user.pk == request.user.pk,
        "export_url": reverse(f"{kind}_data_export", kwargs={"pk": pk}),
        "erase_url": reverse(f"{kind}_erase", kwargs={"pk": pk}),
    }
    return render(request, "compact_site/personal_data/person.html", context)


def _export(user, champion):
    data = personal_data.person_data(user=user, champion=champion)
    name = f"person-{user.pk}" if user is not None else f"champion-{champion.pk}"
    response = HttpResponse(json.dumps(data, cls=DjangoJSONEncoder, indent=2), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{name}-personal-data.json"'
    return response


def _erase(request, user, champion, back):
    if user is not None and user.pk == request.user.pk:
        raise PermissionDenied("Nobody erases their own personal data.")
    form = EraseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        personal_data.erase_person(user=user, champion=champion, by=request.user)
        messages.success(request, "Their personal data has been erased. Their wins stay under their organisation.")
        return redirect("invitation_list" if user is not None else "signatories:champion_list")
    name = (user.get_full_name() or user.username) if user is not None else champion.name
    context = {"form": form, "name": name, "back": back, "champion": champion}
    return render(request, "compact_site/personal_data/erase.html", context)


@role_required(OFFICER)
def person_data(request, pk):
    return _page(request, *_person(pk), "person", pk)


@role_required(OFFICER)
def person_data_export(request, pk):
    return _export(*_person(pk))


@role_required(OFFICER)
def person_erase(request, pk):
    user, _ = _person(pk)
    return _erase(request, user, None, back=reverse("person_data", kwargs={"pk": pk}))


@role_required(OFFICER)
def champion_data(request, pk):
    return _page(request, *_champion(pk), "champion", pk)


@role_required(OFFICER)
def champion_data_export(request, pk):
    return _export(*_champion(pk))


@role_required(OFFICER)
def champion_erase(request, pk):
    user, champion = _champion(pk)
    return _erase(request, user, champion, back=reverse("champion_data", kwargs={"pk": pk}))
