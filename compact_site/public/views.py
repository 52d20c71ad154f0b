"""The public site: pages anyone may read without signing in, the open data, the sitemap and robots.txt.

Every page reads only through ``selectors`` (which hold the rules of what is public) and, for visitors who are
not signed in, is served from the cache (``caching``). When officers turn the site off, its pages are "not
found" to everyone but officers, who still see them (with a banner) to check them before opening the site.
"""

import csv
import io
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from compact_site.feedback.selectors import problem_reports
from signatories.roles import OFFICER, is_officer, public, role_required
from signatories.selectors import current_compact
from signatories.views import paginate

from . import selectors, services
from .caching import cached_for_visitors
from .forms import RegisterSearchForm, SiteSettingsForm

REGISTER_PAGE_SIZE = 50
WINS_PAGE_SIZE = 20


def public_page(view):
    """Open to everyone while the public site is on (to officers only while it is off), cached for visitors.

    The site's state is checked only when the page is worked out: a cached page was cached under the public site's
    version, which closing the site invalidates, and a "not found" is never cached."""

    @wraps(view)
    def open_or_not_found(request, *args, **kwargs):
        if not selectors.site_is_on() and not is_officer(request.user):
            raise Http404("The public site is off.")
        return view(request, *args, **kwargs)

    return public(cached_for_visitors(open_or_not_found))


def _page(request, template, context):
    context.setdefault("compact", current_compact())
    context["site_off"] = not selectors.site_is_on()
    context["commitments_published"] = selectors.commitments_published()
    context["representation_published"] = selectors.representation_published()
    context["scrutiny_published"] = selectors.scrutiny_published()
    context["canonical"] = settings.SITE_URL.rstrip("/") + request.path
    return render(request, template, context)


def home(request):
    """The public home page, shown at / to visitors who are not signed in while the site is on."""
    compact = current_compact()
    context = {
        "compact": compact,
        "counts": selectors.headline_counts(compact=compact),
        "latest_wins": list(selectors.public_wins(compact=compact)[:3]),
        "latest_report": selectors.public_reports(compact=compact).first(),
        "scores_published": selectors.site_settings().publish_scores,
        "commitments": selectors.public_commitments(compact=compact, today=timezone.localdate()),
    }
    return _page(request, "compact_site/public/home.html", context)


public_home = cached_for_visitors(home)


@public_page
def register(request):
    compact = current_compact()
    form = RegisterSearchForm(request.GET or None)
    rows = selectors.register(compact=compact, **form.filters())
    page_obj = paginate(request, rows, REGISTER_PAGE_SIZE)
    context = {
        "form": form,
        "page_obj": page_obj,
        "filtered": any(form.filters().values()),
        "counts": selectors.headline_counts(compact=compact),
    }
    return _page(request, "compact_site/public/register.html", context)


@public_page
def factors(request):
    compact = current_compact()
    context = {"results": selectors.public_scores(compact=compact), "factor_list": selectors.factor_list()}
    return _page(request, "compact_site/public/factors.html", context)


@public_page
def win_list(request):
    page_obj = paginate(request, selectors.public_wins(compact=current_compact()), WINS_PAGE_SIZE)
    return _page(request, "compact_site/public/win_list.html", {"page_obj": page_obj})


@public_page
def win_detail(request, pk):
    win = get_object_or_404(selectors.public_wins(compact=current_compact()), pk=pk)
    return _page(request, "compact_site/public/win_detail.html", {"win": win})


@public_page
def report_list(request):
    reports = selectors.public_reports(compact=current_compact())
    return _page(request, "compact_site/public/report_list.html", {"reports": reports})


@public_page
def report_detail(request, pk):
    compact = current_compact()
    report = get_object_or_404(selectors.public_reports(compact=compact), pk=pk)
    content = selectors.public_report_content(report, compact=compact)
    return _page(request, "compact_site/public/report_detail.html", {"report": report, "content": content})


@public_page
def commitments(request):
    """How the statutory bodies' consultations and funding decisions keep the Compact's commitments: "not found"
    until an officer publishes it."""
    summary = selectors.public_commitments(compact=current_compact(), today=timezone.localdate())
    if summary is None:
        raise Http404("How the commitments are kept is not published.")
    return _page(request, "compact_site/public/commitments.html", {"summary": summary})


@public_page
def boards(request):
    """The sector's seats on partnership boards: "not found" until an officer publishes them."""
    rows = selectors.public_boards(compact=current_compact(), today=timezone.localdate())
    if rows is None:
        raise Http404("The sector's seats are not published.")
    return _page(request, "compact_site/public/boards.html", {"boards": rows})


@public_page
def scrutiny(request):
    """The committees and their recommendations with the responses: "not found" until an officer publishes them."""
    committees = selectors.public_scrutiny(compact=current_compact())
    if committees is None:
        raise Http404("The committees are not published.")
    return _page(request, "compact_site/public/scrutiny.html", {"committees": committees})


@public_page
def open_data(request):
    context = {
        "data_date": selectors.data_date(),
        "register_columns": selectors.REGISTER_COLUMN_NOTES,
        "score_columns": selectors.SCORE_COLUMN_NOTES,
        "scores_published": selectors.site_settings().publish_scores,
        "ogl_name": selectors.OGL_NAME,
        "ogl_url": selectors.OGL_URL,
    }
    return _page(request, "compact_site/public/open_data.html", context)


def _licence(name):
    return {
        "licence": selectors.OGL_NAME,
        "licence_url": selectors.OGL_URL,
        "attribution": f"Contains public sector information licensed under the {selectors.OGL_NAME}.",
        "publisher": settings.SERVICE_NAME,
        "dataset": name,
        "data_date": selectors.data_date().isoformat(),
    }


def _csv(rows, columns, name):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}-{selectors.data_date().isoformat()}.csv"'
    response["Link"] = f'<{selectors.OGL_URL}>; rel="license"'
    return response


def _json(rows, columns, name):
    data = {**_licence(name), "columns": list(columns), "rows": rows}
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Link"] = f'<{selectors.OGL_URL}>; rel="license"'
    return response


def _register_rows():
    return selectors.register_rows(compact=current_compact())


def _score_rows():
    if not selectors.site_settings().publish_scores:
        raise Http404("The partnership scores are not published.")
    return selectors.scores_by_round(compact=current_compact())


@public_page
def register_csv(request):
    return _csv(_register_rows(), selectors.REGISTER_COLUMNS, "register-of-signatories")


@public_page
def register_json(request):
    return _json(_register_rows(), selectors.REGISTER_COLUMNS, "Register of signatories")


@public_page
def scores_csv(request):
    return _csv(_score_rows(), selectors.SCORE_COLUMNS, "partnership-scores")


@public_page
def scores_json(request):
    return _json(_score_rows(), selectors.SCORE_COLUMNS, "Partnership scores by round")


@public_page
def sitemap(request):
    compact = current_compact()
    base = settings.SITE_URL.rstrip("/")
    names = [
        "dashboard",
        "public:register",
        "public:factors",
        "public:win_list",
        "public:report_list",
        "public:open_data",
        "api_docs",
        "about:accessibility",
        "about:privacy",
        "about:cookies",
        "about:contact",
    ]
    if selectors.commitments_published():
        names.insert(names.index("public:report_list") + 1, "public:commitments")
    if selectors.representation_published():
        names.insert(names.index("public:report_list") + 1, "public:boards")
    if selectors.scrutiny_published():
        names.insert(names.index("public:report_list") + 1, "public:scrutiny")
    urls = [{"loc": base + reverse(name)} for name in names]
    wins, reports = selectors.sitemap_entries(compact=compact)
    urls += [{"loc": base + reverse("public:win_detail", args=[pk]), "lastmod": at} for pk, at in wins]
    urls += [{"loc": base + reverse("public:report_detail", args=[pk]), "lastmod": at} for pk, at in reports]
    return render(request, "compact_site/public/sitemap.xml", {"urls": urls}, content_type="application/xml")


@public
@cached_for_visitors
def robots(request):
    """Search engines may read the public site (while it is on), never the signed-in service or the API."""
    base = settings.SITE_URL.rstrip("/")
    if selectors.site_is_on():
        lines = [
            "User-agent: *",
            "Allow: /$",
            "Allow: /public/",
            "Allow: /open-data/",
            "Allow: /api/docs/",
            "Allow: /accessibility/",
            "Allow: /privacy/",
            "Allow: /cookies/",
            "Allow: /contact/",
            "Allow: /.well-known/security.txt",
            "Disallow: /",
            f"Sitemap: {base}{reverse('public:sitemap')}",
        ]
    else:
        lines = ["User-agent: *", "Disallow: /"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@role_required(OFFICER)
def site_settings(request):
    """Officers open or close the public site and choose whether it publishes the partnership scores and how the
    commitments are kept."""
    setting = selectors.site_settings()
    form = SiteSettingsForm(
        request.POST or None,
        initial={
            "is_on": setting.is_on,
            "publish_scores": setting.publish_scores,
            "publish_commitments": setting.publish_commitments,
            "publish_representation": setting.publish_representation,
            "publish_scrutiny": setting.publish_scrutiny,
        },
    )
    if request.method == "POST" and form.is_valid():
        services.update_site_settings(by=request.user, **form.cleaned_data)
        state = "open to everyone" if form.cleaned_data["is_on"] else "off: everyone is asked to sign in"
        messages.success(request, f"The public site is {state}.")
        return redirect("public:settings")
    context = {
        "form": form,
        "setting": setting,
        "public_reports": selectors.public_reports(compact=current_compact()).count(),
        "problem_reports": problem_reports().count(),
    }
    return render(request, "compact_site/public/settings.html", context)
