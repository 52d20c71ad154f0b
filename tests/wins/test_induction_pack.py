"""Compact in action: the induction pack, as a printable page and an A4 PDF."""

import datetime
import io

import pypdf
import pytest
from django.urls import reverse

from tests.success_factors.builders import page_text
from wins.selectors import PACK_WINS_PER_FACTOR, induction_pack

from .factories import WinFactory, draft, factor

pytestmark = pytest.mark.django_db


def test_the_pack_groups_published_wins_under_each_factor_with_its_summary(compact, lsp_client):
    WinFactory(compact=compact, title="Volunteers' fair at the library", factors=[factor(3), factor(5)])
    draft(compact=compact, title="A draft nobody has checked", factors=[factor(3)])

    response = lsp_client.get(reverse("wins:induction_pack"))

    text = page_text(response)
    assert "Compact in action" in text and "Anytown Compact" in text
    assert factor(3).summary in text and factor(7).summary in text
    assert text.count("Volunteers' fair at the library") == 2  # under factor 3 and under factor 5
    assert "A draft nobody has checked" not in text
    assert "No wins have been published for this factor yet." in text  # e.g. factor 1


def test_the_pack_keeps_the_most_recent_wins_of_each_factor(compact):
    for day in range(1, PACK_WINS_PER_FACTOR + 3):
        WinFactory(compact=compact, title=f"Day {day}", happened_on=datetime.date(2026, 1, day), factors=[factor(2)])

    sections = dict(induction_pack(compact=compact))

    assert [win.title for win in sections[factor(2)]] == [f"Day {day}" for day in range(7, 2, -1)]
    assert sections[factor(1)] == []
    assert len(sections) == 7


def test_the_pack_needs_a_fixed_number_of_queries(compact, django_assert_max_num_queries):
    for number in range(1, 8):
        for _ in range(3):
            WinFactory(compact=compact, factors=[factor(number)])

    with django_assert_max_num_queries(6):
        induction_pack(compact=compact)


def test_the_pdf_is_a4_with_the_compact_name_in_the_footer_and_the_wins_in_it(compact, champion_client):
    WinFactory(compact=compact, title="Joint hospital discharge scheme", factors=[factor(1)])

    response = champion_client.get(reverse("wins:induction_pack_pdf"))

    assert response["Content-Type"] == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Joint hospital discharge scheme" in text
    assert text.count("Anytown Compact") >= len(reader.pages)  # every page's footer
    assert f"Page 1 of {len(reader.pages)}" in text
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(float(width)), round(float(height))) == (595, 842)  # A4 in points
