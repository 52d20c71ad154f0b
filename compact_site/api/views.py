"""Officers' pages for API keys, and the API's documentation page (built from its OpenAPI schema)."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache

from signatories.roles import OFFICER, public, role_required

from ..public.selectors import commitments_published
from . import selectors, services
from .endpoints import api
from .forms import TokenForm
from .models import ApiToken


@role_required(OFFICER)
def token_list(request):
    return render(request, "compact_site/api/token_list.html", {"tokens": selectors.tokens()})


@role_required(OFFICER)
@never_cache
def token_create(request):
    """Create a key for a named use. The key is shown on the page that answers the POST, once, and never again."""
    form = TokenForm(request.POST or None, initial={"rate_limit_per_minute": settings.API_RATE_LIMIT_PER_MINUTE})
    if request.method == "POST" and form.is_valid():
        try:
            token, key = services.create_token(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return render(
                request,
                "compact_site/api/token_created.html",
                {"token": token, "key": key, "site_url": settings.SITE_URL.rstrip("/")},
            )
    return render(request, "compact_site/api/token_form.html", {"form": form})


@role_required(OFFICER)
def token_revoke(request, pk):
    token = get_object_or_404(ApiToken, pk=pk)
    if request.method == "POST":
        services.revoke_token(token=token, by=request.user)
        messages.success(request, f"The key for “{token.name}” has been revoked: it no longer works.")
        return redirect("api_tokens")
    return render(request, "compact_site/api/token_revoke.html", {"token": token})


def _schema_of(reference, schemas):
    name = reference.get("$ref", "").rsplit("/", 1)[-1]
    return name, schemas.get(name, {})


def _fields(properties):
    return [
        {
            "name": name,
            "description": field.get("description", ""),
            "type": field.get("type")
            or " or ".join(
                option.get("type", option.get("$ref", "").rsplit("/", 1)[-1]) for option in field.get("anyOf", [])
            )
            or field.get("$ref", "").rsplit("/", 1)[-1],
        }
        for name, field in properties.items()
    ]


PAGING_FIELDS = ("results", "next_cursor")


def endpoint_docs():
    """Each endpoint from the OpenAPI schema: path, summary, description, parameters, the fields of each result
    and any other fields of the answer (the commitments' periods and bodies)."""
    schema = api.get_openapi_schema()
    components = schema.get("components", {}).get("schemas", {})
    endpoints = []
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            answer = (responses.get(200) or responses["200"])["content"]["application/json"]["schema"]
            _, page = _schema_of(answer, components)
            properties = page.get("properties", {})
            item_ref = properties.get("results", {}).get("items", {})
            item_name, item = _schema_of(item_ref, components)
            endpoints.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "parameters": operation.get("parameters", []),
                    "fields": _fields(item.get("properties", {})),
                    "answer_fields": _fields(
                        {name: field for name, field in properties.items() if name not in PAGING_FIELDS}
                    ),
                }
            )
    return schema, endpoints


@public
def api_docs(request):
    schema, endpoints = endpoint_docs()
    context = {
        "schema": schema,
        "endpoints": endpoints,
        "site_url": settings.SITE_URL.rstrip("/"),
        "base_url": settings.SITE_URL.rstrip("/") + "/api/v1",
        "rate_limit": settings.API_RATE_LIMIT_PER_MINUTE,
        "canonical": settings.SITE_URL.rstrip("/") + request.path,
        "commitments_published": commitments_published(),  # for the public site's navigation
    }
    return render(request, "compact_site/api/docs.html", context)
