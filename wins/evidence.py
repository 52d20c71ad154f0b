"""Evidence files: which kinds we accept, how we check them, and where they are kept.

A file is accepted only when its extension is on the list *and* its first bytes are what that kind
of file starts with. It is stored under a random name; the name the person's computer gave it is
kept only for display, with any folders stripped.
"""

import posixpath
import re
import uuid
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone

PDF = b"%PDF-"
PNG = b"\x89PNG\r\n\x1a\n"
JPEG = b"\xff\xd8\xff"
ZIP = b"PK\x03\x04"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of old Word files

# extension: (what it must start with, content type we serve it as, the member an Office zip must hold)
KINDS = {
    ".pdf": (PDF, "application/pdf", None),
    ".png": (PNG, "image/png", None),
    ".jpg": (JPEG, "image/jpeg", None),
    ".jpeg": (JPEG, "image/jpeg", None),
    ".doc": (OLE, "application/msword", None),
    ".docx": (ZIP, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "[Content_Types].xml"),
    ".xlsx": (ZIP, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "[Content_Types].xml"),
    ".pptx": (ZIP, "application/vnd.openxmlformats-officedocument.presentationml.presentation", "[Content_Types].xml"),
    ".odt": (ZIP, "application/vnd.oasis.opendocument.text", "mimetype"),
}
IMAGE_EXTENSIONS = {".png", ".jpg", ".jpeg"}
ACCEPT = ",".join(KINDS)  # for the file input's accept attribute: a hint to the browser, never a check

WRONG_TYPE = (
    "The selected file must be a PDF, PNG, JPEG, Word (DOC or DOCX), Excel (XLSX), PowerPoint (PPTX) or ODT file"
)
EMPTY = "The selected file is empty"


def size_label(size):
    """A size as people write it: 10 MB, 500 KB."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):g} MB"
    if size >= 1024:
        return f"{size / 1024:g} KB"
    return f"{size} bytes"


def extension(name):
    return posixpath.splitext((name or "").lower())[1]


def display_name(name):
    """The client's file name, safe to show: no folders, no control characters, not too long."""
    name = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = re.sub(r"[\x00-\x1f\x7f]", "", name).strip().lstrip(".")
    stem, ext = posixpath.splitext(name)
    return (stem[: 190 - len(ext)] + ext) if name else "evidence"


def _looks_like(upload, ext):
    magic, _, member = KINDS[ext]
    upload.seek(0)
    head = upload.read(len(magic))
    upload.seek(0)
    if head != magic:
        return False
    if member is None:
        return True
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
            if member not in names:
                return False
            if ext == ".odt":
                return archive.read("mimetype").strip() == KINDS[".odt"][1].encode()
            return True
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return False
    finally:
        upload.seek(0)


def check_evidence_file(upload):
    """Raise a ValidationError in plain English unless ``upload`` is an allowed kind, not empty and small enough."""
    limit = settings.WIN_UPLOAD_MAX_BYTES
    if upload.size == 0:
        raise ValidationError(EMPTY, code="empty")
    if upload.size > limit:
        raise ValidationError(f"The selected file must be smaller than {size_label(limit)}", code="too_large")
    ext = extension(upload.name)
    if ext not in KINDS or not _looks_like(upload, ext):
        raise ValidationError(WRONG_TYPE, code="wrong_type")
    return upload


def evidence_upload_to(instance, filename):
    """A random name under ``wins/<year>/<month>/``, keeping only an extension we allow."""
    ext = extension(filename)
    if ext not in KINDS:
        ext = ".bin"
    return timezone.now().strftime("wins/%Y/%m/") + uuid.uuid4().hex + ext


def content_type(name):
    return KINDS.get(extension(name), (None, "application/octet-stream", None))[1]


def is_image(name):
    return extension(name) in IMAGE_EXTENSIONS
