from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse, HttpResponseNotAllowed, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone

from signatories import caching
from signatories.roles import CHAMPION, OFFICER, READERS, role_required, roles_of
from signatories.selectors import current_compact, organisation_for
from signatories.views import paginate

from . import selectors, services
from .evidence import content_type, is_image
from .export import csv_lines
from .filters import WinFilter
from .forms import ReturnForm, WinForm
from .models import Win, WinEvent, WinStatus
from .permissions import can_edit_win, can_moderate, can_submit_win, can_view_win

SAVED = {
    services.SAVE: "The win has been saved.",
    services.SUBMIT: "Your win has been submitted. A Compact officer will read it, then publish it or return it "
    "to you with a note.",
    services.PUBLISH: "The win has been published in the wins library.",
}


def _win(pk):
    return get_object_or_404(
        Win.objects.select_related("compact", "organisation", "recorded_by", "published_by").prefetch_related(
            "factors", "organisations"
        ),
        pk=pk,
    )


def visible_win(request, pk):
    """The win, if this person may see it. A draft is "not found" for others, so its existence does not leak."""
    win = _win(pk)
    if not can_view_win(request.user, win):
        raise Http404("No win here.")
    return win


# A search or filter can match most of the library: counting stops here ("more than 1,000"), so its cost
# does not grow with the library. The whole library's total is counted once per change to the wins (the page is
# cached).
SEARCH_COUNTS_TO = 1000


@role_required(*READERS)
def library(request):
    """The library's list is the same for everyone with the same roles asking the same question: it is cached
    until a win, an organisation or a signature changes (``signatories.caching``)."""
    compact = current_compact()
    roles = ",".join(sorted(roles_of(request.user)))
    key = f"wins-library:{getattr(compact, 'pk', None)}:{roles}:{request.GET.urlencode()}"
    kinds = [caching.WINS, caching.REGISTER, caching.FACTORS, caching.COMPACT, caching.USERS]
    content = caching.cached_html(key, kinds, lambda: _library_content(request, compact))
    return render(request, "wins/library.html", {"compact": compact, "content": content})


def _library_content(request, compact):
    filterset = WinFilter(request.GET, queryset=selectors.for_listing(selectors.published_wins(compact=compact)))
    if filterset.narrows():
        page = paginate(request, filterset.qs, most=SEARCH_COUNTS_TO)
    else:
        page = paginate(request, filterset.qs, count=selectors.published_count(compact=compact))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"filter": filterset, "page_obj": page, "compact": compact, "filter_query": query.urlencode()}
    return render_to_string("wins/includes/library_content.html", context, request=request)


@role_required(OFFICER)
def export_csv(request):
    compact = current_compact()
    filterset = WinFilter(request.GET, queryset=selectors.published_wins(compact=compact))
    response = StreamingHttpResponse(csv_lines(filterset.qs), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="compact-wins-{timezone.localdate():%Y-%m-%d}.csv"'
    return response


@role_required(*READERS)
def win_detail(request, pk):
    win = visible_win(request, pk)
    officer = can_moderate(request.user)
    context = {
        "win": win,
        "can_edit": can_edit_win(request.user, win),
        "can_submit": can_submit_win(request.user, win),
        "can_moderate": officer,
        "events": list(WinEvent.objects.filter(win=win).select_related("by")) if officer else [],
    }
    return render(request, "wins/win_detail.html", context)


def _save(request, form, *, compact, win=None):
    """Hand the form to the services; a rule they enforce comes back as an error on the form."""
    then = request.POST.get("then", services.SAVE)
    try:
        saved = services.save_win(win=win, compact=compact, by=request.user, then=then, **form.win_data())
    except ValidationError as error:
        form.add_service_error(error)
        return None
    if saved.status == WinStatus.DRAFT:
        messages.success(request, "Your win has been saved as a draft. Submit it for publishing when it is ready.")
    else:
        messages.success(request, SAVED[then])
    return saved


@role_required(OFFICER, CHAMPION)
def win_create(request):
    compact = current_compact()
    if compact is None:
        messages.info(request, "Set up the Compact before recording wins.")
        return redirect("dashboard")
    organisation = organisation_for(request.user)
    initial = {"happened_on": timezone.localdate(), "organisations": [organisation] if organisation else []}
    form = WinForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        win = _save(request, form, compact=compact)
        if win is not None:
            return redirect(win)
    return render(request, "wins/win_form.html", {"form": form, "organisation": organisation})


@role_required(OFFICER, CHAMPION)
def win_edit(request, pk):
    win = _win(pk)
    if not can_edit_win(request.user, win):
        raise PermissionDenied("You can change only your own wins, and only while they are drafts or returned.")
    form = WinForm(request.POST or None, request.FILES or None, win=win)
    if request.method == "POST" and form.is_valid():
        saved = _save(request, form, compact=win.compact, win=win)
        if saved is not None:
            return redirect(saved)
    return render(request, "wins/win_form.html", {"form": form, "win": win, "organisation": win.organisation})


@role_required(OFFICER, CHAMPION)
def win_submit(request, pk):
    win = _win(pk)
    if not can_edit_win(request.user, win):
        raise PermissionDenied("You can submit only your own wins.")
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        services.submit_win(win=win, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, SAVED[services.SUBMIT])
    return redirect(win)


@role_required(OFFICER)
def win_publish(request, pk):
    win = _win(pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        services.publish_win(win=win, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"“{win.title}” has been published in the wins library.")
    return redirect("wins:queue" if request.POST.get("from") == "queue" else win.get_absolute_url())


@role_required(OFFICER)
def win_public(request, pk):
    """Show a published win on the public site, or take it off (POST ``show`` = "yes" or "no")."""
    win = _win(pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    show = request.POST.get("show") == "yes"
    try:
        services.show_on_public_site(win=win, by=request.user, show=show)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        where = "is now shown on" if show else "is no longer shown on"
        messages.success(request, f"“{win.title}” {where} the public site.")
    return redirect(win)


@role_required(OFFICER)
def win_return(request, pk):
    win = _win(pk)
    if win.status != WinStatus.SUBMITTED:
        messages.info(request, "Only a submitted win can be returned to its champion.")
        return redirect(win)
    form = ReturnForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.return_to_champion(win=win, by=request.user, note=form.cleaned_data["note"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            who = win.recorded_by.get_full_name() if win.recorded_by else "its champion"
            messages.success(request, f"“{win.title}” has been returned to {who} with your note.")
            return redirect("wins:queue")
    return render(request, "wins/win_return.html", {"form": form, "win": win})


@role_required(*READERS)
def win_evidence(request, pk):
    """The win's file, to signed-in people who may see the win. Never served from MEDIA_URL."""
    win = visible_win(request, pk)
    if not win.evidence_file:
        raise Http404("This win has no file.")
    try:
        handle = win.evidence_file.open("rb")
    except FileNotFoundError:
        raise Http404("The file is missing.") from None
    name = win.evidence_file.name
    response = FileResponse(
        handle, as_attachment=not is_image(name), filename=win.evidence_display_name, content_type=content_type(name)
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, max-age=0"
    return response


@role_required(OFFICER, CHAMPION)
def my_wins(request):
    page = paginate(request, selectors.for_listing(selectors.wins_recorded_by(request.user)))
    return render(request, "wins/my_wins.html", {"page_obj": page})


@role_required(OFFICER)
def queue(request):
    compact = current_compact()
    page = paginate(request, selectors.for_listing(selectors.moderation_queue(compact=compact)))
    return render(request, "wins/queue.html", {"page_obj": page, "compact": compact})


def _pack_context():
    compact = current_compact()
    return {
        "compact": compact,
        "sections": selectors.induction_pack(compact=compact),
        "per_factor": selectors.PACK_WINS_PER_FACTOR,
        "today": timezone.localdate(),
    }


@role_required(*READERS)
def induction_pack(request):
    return render(request, "wins/induction_pack.html", _pack_context())


@role_required(*READERS)
def induction_pack_pdf(request):
    import weasyprint  # slow to import: load it only when someone asks for a PDF

    html = render_to_string("wins/induction_pack_pdf.html", _pack_context(), request=request)
    pdf = weasyprint.HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="compact-in-action.pdf"'
    return response
