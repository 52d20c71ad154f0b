"""Bad files: each gets a clear message in the error summary and changes nothing."""

import io
import zipfile

import pytest

from signatories.models import ImportRun, Organisation

from .spreadsheets import confirm, csv_bytes, organisation, preview_of, problems, table, upload, xlsx_bytes

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n" + bytes(range(256))


def refused(client, data, name):
    """Upload a file and return the message the error summary shows for it."""
    response = upload(client, data, name)
    assert response.status_code == 200, "a refused file stays on the upload page"
    html = response.content.decode()
    assert "govuk-error-summary" in html
    assert ImportRun.objects.count() == 0 and Organisation.objects.count() == 0
    return response.context["form"].errors["file"][0]


def good_xlsx():
    return xlsx_bytes(table([organisation()]))


def repack(data, *, add=(), replace=None):
    """A copy of a workbook with members added or changed."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if replace and info.filename in replace:
                content = replace[info.filename](content)
            target.writestr(info.filename, content)
        for name, content in add:
            target.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data,name",
    [
        (PNG, "register.csv"),
        (PDF, "register.xlsx"),
        (PNG, "register.xlsx"),
        (b"\xff\xfe\x00N\x00a", "register.csv"),
    ],
)
def test_a_file_that_is_not_csv_or_xlsx_is_refused_whatever_its_name(officer_client, data, name):
    assert refused(officer_client, data, name) == "The selected file must be a CSV file or an Excel workbook (.xlsx)"


def test_a_word_document_renamed_xlsx_is_refused(officer_client):
    document = io.BytesIO()
    with zipfile.ZipFile(document, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    assert (
        refused(officer_client, document.getvalue(), "register.xlsx")
        == "The selected file must be a CSV file or an Excel workbook (.xlsx)"
    )


def test_an_old_xls_workbook_is_refused_with_what_to_do(officer_client):
    message = refused(officer_client, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "register.xls")
    assert message.startswith("The selected file is an old Excel 97-2003 workbook (.xls)")


def test_a_macro_enabled_workbook_is_refused(officer_client):
    data = repack(
        good_xlsx(),
        add=[("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 macro")],
        replace={"[Content_Types].xml": lambda c: c.replace(b"sheet.main+xml", b"sheet.macroEnabled.main+xml")},
    )
    assert refused(officer_client, data, "register.xlsm").startswith(
        "The selected file is a macro-enabled workbook (.xlsm)"
    )


def test_a_zip_bomb_is_refused_before_it_is_unpacked(officer_client):
    data = repack(good_xlsx(), add=[("xl/media/padding.xml", b"\x00" * (30 * 1024 * 1024))])
    assert len(data) < 200_000
    assert refused(officer_client, data, "register.xlsx").startswith(
        "The selected file unpacks to far more than its size"
    )


def test_a_file_over_the_size_limit_is_refused(officer_client, settings):
    settings.IMPORT_MAX_BYTES = 1024
    data = csv_bytes(table([organisation(f"Organisation {n}") for n in range(40)]))
    assert refused(officer_client, data, "register.csv") == "The selected file must be smaller than 1 KB"


def test_more_rows_than_the_limit_is_refused(officer_client, settings):
    settings.IMPORT_MAX_ROWS = 3
    data = csv_bytes(table([organisation(f"Organisation {n}") for n in range(4)]))
    assert refused(officer_client, data, "register.csv") == (
        "The selected file has 4 rows; one import can take up to 3. Split it into smaller files"
    )


def test_an_empty_file_is_refused(officer_client):
    assert refused(officer_client, b"", "register.csv") == "The selected file is empty"


def test_a_file_of_blank_lines_is_refused(officer_client):
    assert (
        refused(officer_client, b"\r\n,,,\r\n\r\n", "register.csv")
        == "The selected file is empty: it has no headings and no rows"
    )


def test_headings_only_is_refused(officer_client):
    assert (
        refused(officer_client, b"Name,Sector,Kind\r\n", "register.csv")
        == "The selected file has headings but no rows to import"
    )


def test_merged_cells_are_refused(officer_client):
    data = xlsx_bytes(table([organisation("A"), organisation("B")]), merge="B2:B3")
    assert refused(officer_client, data, "register.xlsx") == (
        "The selected file has merged cells (B2:B3): unmerge them so each row has its own values, then upload the file again"
    )


def test_a_hidden_row_is_an_error_so_nothing_is_imported_unseen(officer_client, compact):
    page = preview_of(
        officer_client,
        xlsx_bytes(table([organisation("Seen"), organisation("Unseen")]), hidden_rows=[3]),
        name="register.xlsx",
    )
    assert problems(page) == [
        "Row 3: Row 3 is hidden in the spreadsheet: unhide it (or delete it) so you can see everything you are importing"
    ]
    confirm(officer_client, page)
    assert Organisation.objects.count() == 0


def test_windows_1252_text_is_read_as_excel_wrote_it(officer_client, compact):
    data = csv_bytes(table([organisation("Café Ünited – Northbrook")]), encoding="cp1252")
    page = preview_of(officer_client, data)
    confirm(officer_client, page)
    assert Organisation.objects.get().name == "Café Ünited – Northbrook"


def test_a_utf8_byte_order_mark_and_blank_lines_are_ignored(officer_client, compact):
    data = (
        b"\xef\xbb\xbf"
        + b"\r\n"
        + csv_bytes(table([organisation("A"), organisation("B")])).replace(b"\r\nB", b"\r\n,,,\r\n\r\nB")
    )
    page = preview_of(officer_client, data)
    assert page.context["preview"].counts["new"] == 2
    assert [row.number for row in page.context["preview"].rows] == [3, 6]


def test_a_semicolon_separated_file_is_read(officer_client, compact):
    page = preview_of(officer_client, csv_bytes(table([organisation("A")]), delimiter=";"))
    assert page.context["preview"].counts["new"] == 1


@pytest.mark.parametrize("value", ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1:A2)"])
def test_formula_like_cells_are_kept_as_text_and_escaped_again_on_export(officer_client, compact, value):
    page = preview_of(officer_client, csv_bytes(table([organisation("Safe Name", Address=value)])))
    confirm(officer_client, page)
    assert Organisation.objects.get().address == value

    from django.urls import reverse

    exported = officer_client.get(reverse("signatories:export", args=["organisations", "csv"])).content.decode(
        "utf-8-sig"
    )
    assert f"'{value}" in exported.replace('""', '"')
    again = preview_of(officer_client, exported.encode())
    assert again.context["preview"].counts == {"new": 0, "changed": 0, "unchanged": 1, "error": 0}


def test_a_formula_in_a_workbook_is_kept_as_its_text_never_evaluated(officer_client, compact):
    page = preview_of(
        officer_client, xlsx_bytes(table([organisation("Safe Name", Address="=1+1")])), name="register.xlsx"
    )
    confirm(officer_client, page)
    assert Organisation.objects.get().address == "=1+1"


def test_every_link_in_the_preview_error_summary_lands_on_its_row(officer_client, compact):
    import re

    rows = [organisation("A", Postcode="nope"), organisation("B"), organisation("C", **{"Main email": "x@"})]
    html = preview_of(officer_client, csv_bytes(table(rows))).content.decode()
    summary = re.search(r'<div class="govuk-error-summary".*?</ul>', html, flags=re.S)[0]
    targets = re.findall(r'<a href="#([^"]+)"', summary)
    assert targets == ["row-2", "row-4"]
    for target in targets:
        assert f'id="{target}"' in html
