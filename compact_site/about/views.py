"""The accessibility statement, privacy notice, cookies and contact pages, security.txt, and the officers' page
that fills in their details.

The four pages are open to everyone whether the public site is on or not (the footer of every page, the sign-in
page's too, links to them) and are cached for visitors like the public site's pages.
"""

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from compact_site.public.caching import cached_for_visitors
from compact_site.public.selectors import OGL_NAME, OGL_URL, site_is_on
from signatories.roles import OFFICER, public, role_required
from signatories.selectors import current_compact

from . import selectors, services
from .forms import StatementSettingsForm


def about_page(view):
    """Open to everyone, always, and cached for visitors who are not signed in."""
    return public(cached_for_visitors(view))


def _page(request, template, context=None):
    compact = current_compact()
    setting = selectors.statement_settings()
    context = {
        "compact": compact,
        "council": selectors.council_name(compact),
        "setting": setting,
        "public_site_on": site_is_on(),
        "canonical": settings.SITE_URL.rstrip("/") + request.path,
        **(context or {}),
    }
    return render(request, template, context)


@about_page
def accessibility(request):
    """The accessibility statement, on GOV.UK's model."""
    return _page(request, "compact_site/about/accessibility.html")


@about_page
def privacy(request):
    """The privacy notice: the personal data the models hold, why, who sees it, how long, and people's rights."""
    setting = selectors.statement_settings()
    context = {
        "personal_data": selectors.personal_data(),
        "retention": selectors.retention(setting),
        "lawful_basis": selectors.lawful_basis_words(setting),
    }
    return _page(request, "compact_site/about/privacy.html", context)


@about_page
def cookies(request):
    return _page(request, "compact_site/about/cookies.html", {"cookies": selectors.cookies()})


@about_page
def contact(request):
    return _page(request, "compact_site/about/contact.html", {"ogl_name": OGL_NAME, "ogl_url": OGL_URL})


@public
def security_txt(request):
    """RFC 9116: whom to tell about a vulnerability. Worked out on each request, so it never expires."""
    return HttpResponse(selectors.security_txt(), content_type="text/plain; charset=utf-8")


@role_required(OFFICER)
def statement_settings(request):
    """Officers fill in what the accessibility statement, privacy notice and contact page say for their area."""
    form = StatementSettingsForm(request.POST or None, instance=selectors.statement_settings())
    if request.method == "POST" and form.is_valid():
        services.update_statement_settings(by=request.user, **form.cleaned_data)
        messages.success(request, "The accessibility statement, privacy notice and contact page have been updated.")
        return redirect("about:settings")
    context = {
        "form": form,
        "compact": current_compact(),
        "pages": [
            ("Accessibility statement", reverse("about:accessibility")),
            ("Privacy notice", reverse("about:privacy")),
            ("Contact", reverse("about:contact")),
        ],
    }
    return render(request, "compact_site/about/settings.html", context)
