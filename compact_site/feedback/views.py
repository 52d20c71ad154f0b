"""'Report a problem with this page': the form every page links to, its thank-you page, and the officers' list."""

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode

from compact_site.accounts.selectors import client_ip
from signatories.roles import OFFICER, public, role_required
from signatories.views import paginate

from . import selectors, services
from .forms import HONEYPOT, ProblemReportForm

PAGE_SIZE = 25


def _thanks(page):
    return redirect(reverse("feedback:thanks") + ("?" + urlencode({"page": page}) if page else ""))


@public
def report(request):
    """Anyone may report a problem with a page; the report is kept for officers with the page it came from."""
    page = services.page_path(request.POST.get("page") or request.GET.get("page", ""))
    form = ProblemReportForm(request.POST or None, initial={"page": page})
    status = 200
    if request.method == "POST" and form.is_valid():
        if request.POST.get(HONEYPOT):
            return _thanks(page)  # a program filled in the hidden field: thank it, keep nothing
        try:
            services.report_problem(
                doing=form.cleaned_data["doing"],
                went_wrong=form.cleaned_data["went_wrong"],
                email=form.cleaned_data["email"],
                page=page,
                address=client_ip(request),
                signed_in=request.user.is_authenticated,
            )
            return _thanks(page)
        except services.TooManyReports:
            form.add_error(None, "You have reported several problems in the last hour. Try again in an hour.")
            status = 429
    return render(request, "compact_site/feedback/report.html", {"form": form, "page": page}, status=status)


@public
def thanks(request):
    page = services.page_path(request.GET.get("page", ""))
    return render(request, "compact_site/feedback/thanks.html", {"page": page})


@role_required(OFFICER)
def report_list(request):
    """Officers read the problems people reported, newest first, each with the page it came from."""
    page_obj = paginate(request, selectors.problem_reports(), PAGE_SIZE)
    return render(request, "compact_site/feedback/report_list.html", {"page_obj": page_obj})
