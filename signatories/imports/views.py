from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from ..roles import OFFICER, role_required
from . import selectors, services
from .files import size_label
from .forms import ColumnsForm, UploadForm
from .sheets import SHEETS, sheet_for


def known_sheet(kind):
    if kind not in SHEETS:
        raise Http404("No such kind of import.")
    return sheet_for(kind)


def known_format(sheet, file_format):
    if file_format not in sheet.file_formats:
        raise Http404("No such file format.")
    return file_format


def download(content, name, file_format):
    response = HttpResponse(content, content_type=selectors.CONTENT_TYPES[file_format])
    response["Content-Disposition"] = f'attachment; filename="{name}.{file_format}"'
    return response


@role_required(OFFICER)
def import_start(request):
    """Bring a register in from spreadsheets, or take it out again."""
    sheets = [sheet_for(kind) for kind in SHEETS]
    context = {"sheets": sheets, "kinds": set(SHEETS), "recent": selectors.recent_imports()}
    return render(request, "signatories/imports/start.html", context)


@role_required(OFFICER)
def import_upload(request, kind):
    sheet = known_sheet(kind)
    form = UploadForm(request.POST or None, request.FILES or None, accept=sheet.accept, hint=sheet.file_hint)
    if request.method == "POST" and form.is_valid():
        try:
            run = services.upload(kind=kind, uploaded_file=form.cleaned_data["file"], by=request.user)
        except ValidationError as error:
            form.add_error("file", error)
        else:
            return redirect(run)
    limits = {"max_size": size_label(sheet.max_bytes), "max_rows": f"{settings.IMPORT_MAX_ROWS:,}"}
    return render(request, "signatories/imports/upload.html", {"form": form, "sheet": sheet, **limits})


@role_required(OFFICER)
def import_template(request, kind, file_format):
    sheet = known_sheet(kind)
    content = selectors.template(kind, known_format(sheet, file_format))
    return download(content, f"{sheet.filename}-template", file_format)


def officers_run(request, public_id):
    run = selectors.run_for(public_id, request.user)
    if run is None:
        raise Http404("No upload of yours with this address.")
    return run


@role_required(OFFICER)
def import_preview(request, public_id):
    """What the file would do: every row new, changed, unchanged or in error, before anything is saved."""
    run = officers_run(request, public_id)
    result = selectors.preview(run)
    columns_form = None
    if result.unknown or result.questions:
        columns_form = ColumnsForm(
            sheet=result.sheet, unknown=result.unknown, used=result.used, questions=result.questions
        )
    return render(
        request, "signatories/imports/preview.html", {"run": run, "preview": result, "columns_form": columns_form}
    )


@role_required(OFFICER)
@require_POST
def import_columns(request, public_id):
    run = officers_run(request, public_id)
    result = selectors.preview(run)
    form = ColumnsForm(
        request.POST, sheet=result.sheet, unknown=result.unknown, used=result.used, questions=result.questions
    )
    if form.is_valid():
        services.choose_columns(run=run, choices=form.choices())
        return redirect(run)
    return render(request, "signatories/imports/preview.html", {"run": run, "preview": result, "columns_form": form})


@role_required(OFFICER)
@require_POST
def import_confirm(request, public_id):
    run = officers_run(request, public_id)
    try:
        run = services.apply(run=run, by=request.user)
    except (ValidationError, services.ImportChanged) as error:
        messages.error(request, error.messages[0] if isinstance(error, ValidationError) else str(error))
        return redirect(run)
    return redirect(run)  # the page now says what was imported


@role_required(OFFICER)
def export(request, kind, file_format):
    """The register, champions or endorsements, in the shape of the import template."""
    sheet = known_sheet(kind)
    content = selectors.export(kind, known_format(sheet, file_format))
    return download(content, f"{sheet.filename}-{timezone.localdate():%Y-%m-%d}", file_format)
