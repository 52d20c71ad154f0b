"""Evidence files: only the kinds we allow, checked by content as well as name, stored under a random name."""

import pytest
from django.core.exceptions import ValidationError

from wins.evidence import check_evidence_file, content_type, display_name, evidence_upload_to, is_image

from .factories import DOC_BYTES, EXE_BYTES, JPEG_BYTES, PNG_BYTES, docx_bytes, odt_bytes, office_bytes, upload


@pytest.mark.parametrize(
    "name, content",
    [
        ("report.pdf", b"%PDF-1.4 rest of file"),
        ("photo.PNG", PNG_BYTES),
        ("photo.jpg", JPEG_BYTES),
        ("photo.jpeg", JPEG_BYTES),
        ("minutes.doc", DOC_BYTES),
        ("minutes.docx", docx_bytes()),
        ("figures.xlsx", docx_bytes()),
        ("slides.pptx", docx_bytes()),
        ("notes.odt", odt_bytes()),
    ],
)
def test_allowed_kinds_pass(name, content):
    assert check_evidence_file(upload(name, content)) is not None


@pytest.mark.parametrize(
    "name, content",
    [
        ("setup.exe", EXE_BYTES),
        ("report.pdf", EXE_BYTES),  # a program renamed to look like a PDF
        ("photo.png", JPEG_BYTES),  # the wrong kind of image for its name
        ("page.html", b"<html><script>alert(1)</script></html>"),
        ("drawing.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>"),
        ("minutes.docx", b"PK\x03\x04 not really a zip"),
        ("minutes.docx", office_bytes({"evil.sh": "rm -rf /"})),  # a zip, but not a Word file
        ("notes.odt", office_bytes({"mimetype": "application/x-something-else"})),
        ("no-extension", b"%PDF-1.4"),
    ],
)
def test_other_files_are_refused_in_plain_english(name, content):
    with pytest.raises(ValidationError) as error:
        check_evidence_file(upload(name, content))
    assert error.value.messages == [
        "The selected file must be a PDF, PNG, JPEG, Word (DOC or DOCX), Excel (XLSX), PowerPoint (PPTX) or ODT file"
    ]


def test_a_file_over_the_limit_is_refused(settings):
    settings.WIN_UPLOAD_MAX_BYTES = 1024

    with pytest.raises(ValidationError) as error:
        check_evidence_file(upload("report.pdf", b"%PDF-" + b"x" * 1024))
    assert error.value.messages == ["The selected file must be smaller than 1 KB"]


def test_the_default_limit_is_ten_megabytes(settings):
    assert settings.WIN_UPLOAD_MAX_BYTES == 10 * 1024 * 1024
    with pytest.raises(ValidationError, match="smaller than 10 MB"):
        check_evidence_file(upload("report.pdf", b"%PDF-" + b"x" * (10 * 1024 * 1024)))


def test_an_empty_file_is_refused():
    with pytest.raises(ValidationError, match="The selected file is empty"):
        check_evidence_file(upload("report.pdf", b""))


@pytest.mark.parametrize(
    "client_name, shown",
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("..\\..\\windows\\system.ini.pdf", "system.ini.pdf"),
        ("/absolute/path/report.pdf", "report.pdf"),
        ("repo\x00rt\n.pdf", "report.pdf"),
        (".hidden.pdf", "hidden.pdf"),
        ("", "evidence"),
    ],
)
def test_the_name_shown_has_no_folders_or_control_characters(client_name, shown):
    assert display_name(client_name) == shown


def test_files_are_stored_under_a_random_name_in_a_dated_folder():
    first = evidence_upload_to(None, "../../etc/passwd.pdf")
    second = evidence_upload_to(None, "../../etc/passwd.pdf")

    assert first != second
    assert first.startswith("wins/") and first.endswith(".pdf")
    assert ".." not in first and "passwd" not in first
    assert len(first.split("/")) == 4  # wins/<year>/<month>/<random>.pdf


def test_an_unexpected_extension_is_never_kept():
    assert evidence_upload_to(None, "shell.php").endswith(".bin")


def test_files_are_served_as_the_kind_their_name_says():
    assert content_type("wins/2026/03/abc.pdf") == "application/pdf"
    assert content_type("wins/2026/03/abc.bin") == "application/octet-stream"
    assert is_image("wins/2026/03/abc.jpeg") and not is_image("wins/2026/03/abc.pdf")
