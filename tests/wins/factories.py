"""Factories and small builders for the wins tests."""

import datetime
import io
import zipfile

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from success_factors.models import Factor
from tests import factories
from wins.models import Win, WinStatus


class WinFactory(factory.django.DjangoModelFactory):
    """A published win tagged with factor 1, unless told otherwise."""

    class Meta:
        model = Win
        skip_postgeneration_save = True

    compact = factory.SubFactory(factories.CompactFactory)
    title = factory.Sequence(lambda n: f"Win number {n}")
    what_happened = "The council and the CVS agreed a shared approach."
    difference_made = "Local people got help sooner."
    happened_on = datetime.date(2026, 3, 1)
    status = WinStatus.PUBLISHED
    submitted_at = factory.LazyAttribute(lambda win: timezone.now() if win.status != WinStatus.DRAFT else None)
    published_at = factory.LazyAttribute(lambda win: timezone.now() if win.status == WinStatus.PUBLISHED else None)
    return_note = factory.LazyAttribute(
        lambda win: "Add the numbers, please." if win.status == WinStatus.RETURNED else ""
    )

    @factory.post_generation
    def factors(self, create, extracted, **kwargs):
        self.factors.set(extracted if extracted is not None else [factor(1)])

    @factory.post_generation
    def organisations(self, create, extracted, **kwargs):
        if extracted:
            self.organisations.set(extracted)


def factor(number):
    return Factor.objects.get(number=number)


def draft(**kwargs):
    return WinFactory(status=WinStatus.DRAFT, **kwargs)


def submitted(**kwargs):
    return WinFactory(status=WinStatus.SUBMITTED, **kwargs)


# Real first bytes of each kind of file, enough for the checks.
PDF_BYTES = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40
JPEG_BYTES = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 40
DOC_BYTES = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 60


def office_bytes(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def docx_bytes():
    return office_bytes({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})


def odt_bytes():
    return office_bytes({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office/>"})


def upload(name="report.pdf", content=PDF_BYTES, content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)
