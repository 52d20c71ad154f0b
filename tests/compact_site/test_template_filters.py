"""Dates and times written the GOV.UK way, and wide tables in regions of their own."""

import datetime
import zoneinfo

import pytest
from django.template import Context, Template, TemplateSyntaxError

from compact_site.templatetags.compact import govuk_date, govuk_time

LONDON = zoneinfo.ZoneInfo("Europe/London")


def test_a_date_has_no_leading_zero():
    assert govuk_date(datetime.date(2026, 1, 5)) == "5 January 2026"
    assert govuk_date(None) == ""


@pytest.mark.parametrize(
    ("hour", "minute", "written"),
    [
        (9, 0, "9am"),
        (15, 42, "3:42pm"),
        (12, 0, "midday"),
        (0, 0, "midnight"),
        (12, 30, "12:30pm"),
        (0, 5, "12:05am"),
    ],
)
def test_a_time_is_written_as_govuk_style_asks(hour, minute, written):
    assert govuk_time(datetime.datetime(2026, 7, 1, hour, minute, tzinfo=LONDON)) == written


def test_a_time_is_shown_in_local_time(settings):
    settings.TIME_ZONE = "Europe/London"
    summer_utc = datetime.datetime(2026, 7, 1, 14, 42, tzinfo=datetime.UTC)

    assert govuk_time(summer_utc) == "3:42pm"  # British Summer Time


def test_a_wide_table_scrolls_in_a_focusable_region_named_after_its_caption():
    page = Template(
        "{% load compact %}{% table_region %}<table><caption class='govuk-table__caption'>"
        "Scores <span>by factor</span> &amp; {{ round }}</caption></table>{% endtable_region %}"
    ).render(Context({"round": "2026–27"}))

    assert page.startswith(
        '<div class="compact-table-region" role="region" aria-label="Scores by factor &amp; 2026–27" tabindex="0">'
        "<table>"
    )
    assert page.endswith("</table></div>")


def test_a_table_region_takes_a_label_when_its_table_has_no_caption():
    page = Template('{% load compact %}{% table_region "Each body" %}<table></table>{% endtable_region %}').render(
        Context()
    )
    assert 'aria-label="Each body"' in page


def test_a_table_region_without_a_caption_or_a_label_is_a_mistake():
    with pytest.raises(TemplateSyntaxError, match="caption"):
        Template("{% load compact %}{% table_region %}<table></table>{% endtable_region %}").render(Context())
