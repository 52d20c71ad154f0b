"""Filling in a self-assessment: a champion starts one, answers the seven factors, reviews and submits it;
an officer reopens it; nobody sees another organisation's."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from signatories.models import Champion
from success_factors.models import Assessment, AssessmentStatus, Indicator, Level, Rating
from success_factors.selectors import current_round
from success_factors.services import add_local_indicator, retire_indicator
from tests import factories
from tests.conftest import client_for

from .builders import factor, first_indicator, page_text, rate_everything, row_for, signed_organisation, text

LIST_URL = reverse("success_factors:assessment_list")
START_URL = reverse("success_factors:assessment_start")


def detail_url(assessment):
    return reverse("success_factors:assessment_detail", args=[assessment.pk])


def factor_url(assessment, number):
    return reverse("success_factors:assessment_factor", args=[assessment.pk, number])


def review_url(assessment):
    return reverse("success_factors:assessment_review", args=[assessment.pk])


def submit_url(assessment):
    return reverse("success_factors:assessment_submit", args=[assessment.pk])


def reopen_url(assessment):
    return reverse("success_factors:assessment_reopen", args=[assessment.pk])


def indicators(number):
    return list(Indicator.objects.filter(factor__number=number, retired_on__isnull=True).order_by("order", "id"))


def answers(number, level=Level.ESTABLISHED, then="continue", **fields):
    """What a person sends from factor ``number``'s page: the same answer for every statement."""
    data = {"then": then}
    for indicator in indicators(number):
        prefix = f"indicator-{indicator.pk}"
        data[f"{prefix}-level"] = "" if level is None else str(int(level))
        for name in ("evidence", "evidence_link", "comment"):
            data[f"{prefix}-{name}"] = fields.get(name, "")
    return data


def error_summary(response):
    """The (link, text) of every entry in the GOV.UK error summary."""
    html = response.content.decode()
    summary = re.search(r'<div class="govuk-error-summary".*?</ul>', html, flags=re.S)
    if summary is None:
        return []
    entries = re.findall(r'<li><a href="([^"]*)">(.*?)</a></li>', summary[0], flags=re.S)
    return [(href, text(words)) for href, words in entries]


def ids(response):
    return re.findall(r'\sid="([^"]+)"', response.content.decode())


@pytest.fixture
def trust(compact):
    return signed_organisation(compact, name="Riverside Trust")


@pytest.fixture
def chris(trust):
    """Riverside Trust's Compact Champion."""
    return factories.champion_user(organisation=trust, username="chris", first_name="Chris", last_name="Champion")


@pytest.fixture
def chris_client(chris):
    return client_for(chris)


@pytest.fixture
def draft(compact, trust, chris):
    return Assessment.objects.create(compact=compact, organisation=trust, round="2026/27", started_by=chris)


@pytest.fixture
def complete_draft(draft):
    rate_everything(draft, Level.ESTABLISHED)
    return draft


@pytest.fixture
def submitted(complete_draft, chris):
    Assessment.objects.filter(pk=complete_draft.pk).update(
        status=AssessmentStatus.SUBMITTED, submitted_at=timezone.now(), submitted_by=chris
    )
    complete_draft.refresh_from_db()
    return complete_draft


# Starting


def test_start_page_suggests_the_current_financial_year(trust, chris_client):
    response = chris_client.get(START_URL)

    assert f'name="round" value="{current_round(timezone.localdate())}"' in response.content.decode()
    assert "This self-assessment is for Riverside Trust." in page_text(response)
    assert 'name="organisation"' not in response.content.decode()


def test_champion_starts_their_organisations_self_assessment(compact, trust, chris, chris_client):
    response = chris_client.post(START_URL, {"round": "2026/27"}, follow=True)

    assessment = Assessment.objects.get()
    assert (assessment.organisation, assessment.round, assessment.started_by) == (trust, "2026/27", chris)
    assert assessment.status == AssessmentStatus.DRAFT
    assert response.redirect_chain == [(detail_url(assessment), 302)]
    assert "The 2026/27 self-assessment for Riverside Trust has started." in page_text(response)


def test_a_champion_cannot_start_one_for_another_organisation(compact, trust, chris_client):
    other = signed_organisation(compact, name="Hilltop Housing")

    chris_client.post(START_URL, {"round": "2026/27", "organisation": other.pk})

    assert Assessment.objects.get().organisation == trust


def test_starting_a_round_already_started_goes_to_the_existing_one(draft, chris_client):
    response = chris_client.post(START_URL, {"round": "2026/27"}, follow=True)

    assert Assessment.objects.get() == draft
    assert response.redirect_chain == [(detail_url(draft), 302)]
    assert "Riverside Trust already has a self-assessment for 2026/27. Here it is." in page_text(response)


def test_a_champion_whose_organisation_withdrew_cannot_start_one_but_can_open_one_started(compact, trust, chris_client):
    from signatories import services as register

    Assessment.objects.create(compact=compact, organisation=trust, round="2025/26")
    register.withdraw(signature=trust.signatures.get(), withdrawn_on=timezone.localdate(), reason="Closed down")

    response = chris_client.post(START_URL, {"round": "2026/27"})

    assert error_summary(response) == [
        (
            "#id_round",
            "Riverside Trust is not a current signatory of the Compact, so it cannot start a self-assessment. "
            "Ask your Compact officer if this is wrong.",
        )
    ]
    assert not Assessment.objects.filter(round="2026/27").exists()
    response = chris_client.post(START_URL, {"round": "2025/26"})
    assert response.status_code == 302


@pytest.mark.parametrize(
    "round_name,error",
    [
        ("", "Enter the round, like 2026/27"),
        ("2026", "Enter the round as a financial year, like 2026/27"),
        ("2026/28", "Enter a round of one financial year, like 2026/27"),
    ],
)
def test_start_explains_a_round_it_cannot_use(trust, chris_client, round_name, error):
    response = chris_client.post(START_URL, {"round": round_name})

    assert error_summary(response) == [("#id_round", error)]
    if round_name:
        assert f'name="round" value="{round_name}"' in response.content.decode()
    assert not Assessment.objects.exists()


def test_officer_chooses_among_the_signatories(compact, trust, officer, officer_client):
    withdrawn = signed_organisation(compact, name="Closed Trust")
    withdrawn.signatures.update(withdrawn_on=timezone.localdate(), withdrawal_reason="Closed")
    factories.OrganisationFactory(name="Never Signed")

    page = officer_client.get(START_URL)
    response = officer_client.post(START_URL, {"round": "2026/27", "organisation": trust.pk})

    options = re.findall(r'<option value="\d+"[^>]*>([^<]+)</option>', page.content.decode())
    assert options == ["Riverside Trust"]
    assessment = Assessment.objects.get()
    assert (assessment.organisation, assessment.started_by) == (trust, officer)
    assert response["Location"] == detail_url(assessment)


def test_officer_must_choose_an_organisation(compact, trust, officer_client):
    response = officer_client.post(START_URL, {"round": "2026/27", "organisation": ""})

    assert error_summary(response) == [("#id_organisation", "Select the organisation the self-assessment is for")]
    assert not Assessment.objects.exists()


def test_champion_without_an_organisation_is_told_what_to_do(compact, champion):
    Champion.objects.filter(user=champion).update(user=None)
    client = client_for(champion)

    get = client.get(START_URL)
    post = client.post(START_URL, {"round": "2026/27"})
    listing = client.get(LIST_URL)

    for response in (get, post):
        assert response.status_code == 200
        assert "You cannot start a self-assessment yet" in page_text(response)
        assert "Ask your Compact officer to link your login to your champion record." in page_text(response)
    assert not Assessment.objects.exists()
    assert "Your login is not linked to an organisation" in page_text(listing)
    assert "Start a self-assessment" not in page_text(listing)


# The task list


def test_task_list_shows_each_factors_progress(draft, chris_client):
    factories.RatingFactory(assessment=draft, indicator=first_indicator(1), level=Level.DONT_KNOW)
    for indicator in indicators(2):
        factories.RatingFactory(assessment=draft, indicator=indicator, level=Level.DEVELOPING)

    text = page_text(chris_client.get(detail_url(draft)))

    assert "Self-assessment incomplete 1 of 7 sections completed." in text
    assert "1. Outcomes focus 1 of 4 statements answered In progress" in text
    assert "2. Establish the right structures 5 of 5 statements answered Completed" in text
    assert "3. Lead and champion the Compact 0 of 4 statements answered Not started" in text
    assert "Review and submit" in text


def test_task_list_links_to_each_factor_page(draft, chris_client):
    html = chris_client.get(detail_url(draft)).content.decode()

    for number in range(1, 8):
        assert f'href="{factor_url(draft, number)}"' in html


# Answering a factor


def test_factor_page_shows_every_statement_as_an_accessible_question(draft, chris_client):
    response = chris_client.get(factor_url(draft, 1))

    html = response.content.decode()
    assert html.count('<fieldset class="govuk-fieldset"') == len(indicators(1)) == 4
    for indicator in indicators(1):
        legend = re.search(
            rf'<legend[^>]*>\s*<h2[^>]*>(.*?)</h2>\s*</legend>\s*<div class="govuk-radios[^"]*">\s*'
            rf'<div class="govuk-radios__item">\s*<input[^>]*name="indicator-{indicator.pk}-level"',
            html,
            re.S,
        )
        assert legend and indicator.statement.replace("'", "&#x27;") in legend[1]
        assert f'<label for="id_indicator-{indicator.pk}-evidence"' in html
        assert f'<label for="id_indicator-{indicator.pk}-evidence_link"' in html
        assert f'<label for="id_indicator-{indicator.pk}-comment"' in html
    assert "It is part of how we work, reviewed and improved." in page_text(response)
    assert len(ids(response)) == len(set(ids(response))), "ids must be unique"


def test_factor_page_escapes_what_officers_typed(draft, chris_client):
    add_local_indicator(factor=factor(1), statement="<b>Bold</b> claims", guidance="<script>alert(1)</script>")

    html = chris_client.get(factor_url(draft, 1)).content.decode()

    assert "&lt;b&gt;Bold&lt;/b&gt; claims" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html


def test_a_bad_link_shows_the_error_keeps_everything_typed_and_saves_nothing(draft, chris_client):
    first, second = indicators(1)[:2]
    data = answers(1, evidence="Minutes of the March partnership board")
    data[f"indicator-{second.pk}-evidence_link"] = "minutes on the shared drive"

    response = chris_client.post(factor_url(draft, 1), data)

    assert response.status_code == 200
    assert error_summary(response) == [
        (
            f"#id_indicator-{second.pk}-evidence_link",
            "Enter the link to the evidence for statement 2 as a full web address, like https://www.example.org/report",
        )
    ]
    html = response.content.decode()
    assert "<title>Error: " in html
    assert 'value="minutes on the shared drive"' in html
    assert html.count("Minutes of the March partnership board</textarea>") == 4
    assert re.search(rf'id="id_indicator-{first.pk}-level_3"\s+value="3"\s+checked', html)
    assert not Rating.objects.exists()


def test_the_fixed_page_is_saved_and_the_next_factor_follows(draft, chris_client):
    first = indicators(1)[0]
    data = answers(1, level=None)
    data[f"indicator-{first.pk}-level"] = str(Level.EMBEDDED)
    data[f"indicator-{first.pk}-evidence"] = "Joint discharge scheme"
    data[f"indicator-{first.pk}-evidence_link"] = "https://example.org/discharge"
    data[f"indicator-{first.pk}-comment"] = "Started in May"

    response = chris_client.post(factor_url(draft, 1), data)

    assert response["Location"] == factor_url(draft, 2)
    rating = Rating.objects.get(indicator=first)
    assert (rating.level, rating.evidence, rating.evidence_link, rating.comment) == (
        Level.EMBEDDED,
        "Joint discharge scheme",
        "https://example.org/discharge",
        "Started in May",
    )
    assert Rating.objects.filter(assessment=draft, level__isnull=True).count() == 3  # left empty while drafting


def test_saved_answers_are_shown_when_the_page_is_opened_again(draft, chris_client):
    chris_client.post(factor_url(draft, 1), answers(1, level=Level.DONT_KNOW, comment="New in post"))

    html = chris_client.get(factor_url(draft, 1)).content.decode()

    first = indicators(1)[0]
    assert re.search(rf'id="id_indicator-{first.pk}-level_5"\s+value="0"\s+checked', html)
    assert html.count("New in post</textarea>") == 4


def test_save_as_draft_returns_to_the_task_list(draft, chris_client):
    response = chris_client.post(factor_url(draft, 3), answers(3, then="task_list"), follow=True)

    assert response.redirect_chain == [(detail_url(draft), 302)]
    assert "Your answers for 3. Lead and champion the Compact have been saved as a draft." in page_text(response)
    assert "3. Lead and champion the Compact 4 of 4 statements answered Completed" in page_text(response)


def test_save_and_continue_on_the_last_factor_goes_to_review(draft, chris_client):
    response = chris_client.post(factor_url(draft, 7), answers(7))

    assert response["Location"] == review_url(draft)


def test_a_retired_indicator_stays_only_where_it_was_already_rated(draft, trust, compact, chris_client):
    rated, unrated = indicators(1)[:2]
    factories.RatingFactory(assessment=draft, indicator=rated, level=Level.DEVELOPING)
    retire_indicator(indicator=rated)
    retire_indicator(indicator=unrated)

    text = page_text(chris_client.get(factor_url(draft, 1)))

    assert f"{rated.statement} Retired" in text
    assert unrated.statement not in text
    assert "Statement 1 of 3" in text


def test_unknown_factor_number_is_not_found(draft, chris_client):
    assert chris_client.get(factor_url(draft, 8)).status_code == 404


# Review and submit


def test_review_lists_what_is_missing_and_offers_no_submit_button(draft, chris_client):
    chris_client.post(factor_url(draft, 1), answers(1))

    response = chris_client.get(review_url(draft))

    text = page_text(response)
    assert "You cannot submit yet: 23 statements still need a level or “Don’t know”." in text
    missing = indicators(2)[0]
    assert f'href="{factor_url(draft, 2)}#indicator-{missing.pk}"' in response.content.decode()
    assert "Still to answer 2. Establish the right structures – 5 of 5 statements not answered" in text
    assert "7. Embed the Compact – 5 of 5 statements not answered" in text
    assert "1. Outcomes focus –" not in text
    assert f'action="{submit_url(draft)}"' not in response.content.decode()
    assert (
        f'href="{factor_url(draft, 1)}">Change<span class="govuk-visually-hidden"> answers for 1. Outcomes focus'
        in (response.content.decode())
    )


def test_submitting_an_incomplete_assessment_is_refused_on_the_review_page(draft, chris_client):
    chris_client.post(factor_url(draft, 1), answers(1, evidence="Kept safe"))

    response = chris_client.post(submit_url(draft))

    assert response.status_code == 200
    assert error_summary(response) == [
        ("#main-content", "Answer every statement before you submit: 23 still need a level or “Don't know”.")
    ]
    assert "Check your answers before you submit" in page_text(response)
    draft.refresh_from_db()
    assert draft.status == AssessmentStatus.DRAFT
    assert Rating.objects.filter(assessment=draft, evidence="Kept safe").count() == 4


def test_review_of_a_complete_assessment_offers_the_submit_button(complete_draft, chris_client):
    response = chris_client.get(review_url(complete_draft))

    assert "You cannot submit yet" not in page_text(response)
    assert f'action="{submit_url(complete_draft)}"' in response.content.decode()


def test_a_complete_assessment_is_submitted(complete_draft, chris, chris_client):
    response = chris_client.post(submit_url(complete_draft), follow=True)

    complete_draft.refresh_from_db()
    assert complete_draft.status == AssessmentStatus.SUBMITTED
    assert complete_draft.submitted_by == chris and complete_draft.submitted_at is not None
    assert response.redirect_chain == [(detail_url(complete_draft), 302)]
    assert "The 2026/27 self-assessment for Riverside Trust has been submitted." in page_text(response)


def test_submit_only_accepts_post(draft, chris_client):
    assert chris_client.get(submit_url(draft)).status_code == 405


# A submitted assessment


def test_a_submitted_assessment_is_read_only(submitted, chris_client):
    before = list(Rating.objects.filter(assessment=submitted).values_list("indicator_id", "level", "evidence"))

    response = chris_client.post(
        factor_url(submitted, 1), answers(1, level=Level.NOT_IN_PLACE, evidence="Changed"), follow=True
    )

    assert response.redirect_chain == [(detail_url(submitted), 302)]
    assert "This self-assessment has been submitted, so its answers can no longer be changed." in page_text(response)
    after = list(Rating.objects.filter(assessment=submitted).values_list("indicator_id", "level", "evidence"))
    assert after == before


def test_submitted_assessment_shows_scores_answers_and_who_submitted(submitted, chris_client):
    factor_one = indicators(1)
    Rating.objects.filter(indicator__in=factor_one).update(level=Level.DONT_KNOW)
    Rating.objects.filter(indicator=indicators(2)[0]).update(
        level=Level.EMBEDDED, evidence="Quarterly report", evidence_link="https://example.org/lsp", comment="Since 2024"
    )

    response = chris_client.get(detail_url(submitted))

    text = page_text(response)
    assert row_for(response, "1. Outcomes focus") == "1. Outcomes focus Not enough evidence"
    assert row_for(response, "2. Establish the right structures") == "2. Establish the right structures 73"
    assert row_for(response, "3. Lead and champion the Compact") == "3. Lead and champion the Compact 67"
    assert f"Submitted on {submitted.submitted_at:%-d %B %Y} by Chris Champion." in text
    assert (
        f"{indicators(2)[0].statement} Embedded Evidence: Quarterly report https://example.org/lsp Comment: Since 2024"
        in text
    )
    assert "Reopen" not in text
    assert "Review and submit" not in text


def test_submitted_assessment_links_to_the_comparison_with_other_rounds(submitted, compact, trust, chris_client):
    factories.AssessmentFactory(compact=compact, organisation=trust, round="2025/26")

    html = chris_client.get(detail_url(submitted)).content.decode()

    assert reverse("success_factors:assessment_compare", args=[submitted.pk]) in html


# Reopening


def test_officer_sees_a_reopen_button(submitted, officer_client):
    assert f'href="{reopen_url(submitted)}"' in officer_client.get(detail_url(submitted)).content.decode()


def test_reopening_needs_a_reason(submitted, officer_client):
    response = officer_client.post(reopen_url(submitted), {"reason": "   "})

    assert error_summary(response) == [("#id_reason", "Enter why you are reopening this self-assessment")]
    submitted.refresh_from_db()
    assert submitted.status == AssessmentStatus.SUBMITTED


def test_officer_reopens_with_a_reason_shown_on_the_assessment(submitted, officer, officer_client, chris_client):
    response = officer_client.post(reopen_url(submitted), {"reason": "Factor 6 scores were entered for the wrong year"})

    submitted.refresh_from_db()
    assert response["Location"] == detail_url(submitted)
    assert (submitted.status, submitted.reopened_by) == (AssessmentStatus.DRAFT, officer)
    text = page_text(chris_client.get(detail_url(submitted)))
    assert f"Reopened on {submitted.reopened_at:%-d %B %Y} by Olivia Officer." in text
    assert "Reason: Factor 6 scores were entered for the wrong year" in text
    assert "Review and submit" in text


def test_champion_cannot_reopen(submitted, chris_client):
    assert chris_client.get(reopen_url(submitted)).status_code == 403
    assert chris_client.post(reopen_url(submitted), {"reason": "Please"}).status_code == 403
    submitted.refresh_from_db()
    assert submitted.status == AssessmentStatus.SUBMITTED


# Whose assessment


def test_champion_cannot_see_or_change_another_organisations_assessment(compact, chris_client):
    other = factories.AssessmentFactory(compact=compact, organisation=signed_organisation(compact, name="Hilltop"))
    rate_everything(other, Level.ESTABLISHED)

    for url in (detail_url(other), factor_url(other, 1), review_url(other)):
        assert chris_client.get(url).status_code == 403
    assert chris_client.post(factor_url(other, 1), answers(1, level=Level.EMBEDDED)).status_code == 403
    assert chris_client.post(submit_url(other)).status_code == 403
    assert not Rating.objects.filter(level=Level.EMBEDDED).exists()
    other.refresh_from_db()
    assert other.status == AssessmentStatus.DRAFT


# The list


def test_champion_sees_only_their_organisations_assessments(compact, draft, chris_client):
    factories.AssessmentFactory(compact=compact, organisation=signed_organisation(compact, name="Hilltop Housing"))
    complete = factories.AssessmentFactory(compact=compact, organisation=draft.organisation, round="2025/26")
    rate_everything(complete, Level.EMBEDDED)

    response = chris_client.get(LIST_URL)

    assert row_for(response, "Riverside Trust , 2026/27") == (
        f"Riverside Trust , 2026/27 2026/27 Draft 0 of 7 factors complete {draft.updated_at:%-d %B %Y}"
    )
    assert row_for(response, "Riverside Trust , 2025/26").startswith("Riverside Trust , 2025/26 2025/26 Draft 7 of 7")
    assert "Hilltop Housing" not in page_text(response)
    assert "Continue the 2026/27 self-assessment" in page_text(response)


@pytest.fixture
def many(compact):
    """Three organisations over two rounds; one 2025/26 assessment submitted."""
    names = ["Anytown Council", "Hilltop Housing", "Riverside Trust"]
    organisations = [signed_organisation(compact, name=name) for name in names]
    for organisation in organisations:
        factories.AssessmentFactory(compact=compact, organisation=organisation, round="2026/27")
        factories.AssessmentFactory(compact=compact, organisation=organisation, round="2025/26")
    Assessment.objects.filter(organisation__name="Hilltop Housing", round="2025/26").update(
        status=AssessmentStatus.SUBMITTED, submitted_at=timezone.now()
    )


def listed(response):
    """The organisation and round of each row of the list, top to bottom."""
    cells = re.findall(
        r'<td [^>]*class="govuk-table__cell"><a class="govuk-link"[^>]*>(.*?)</a>', response.content.decode(), re.S
    )
    return [text(cell).replace(" ,", ",") for cell in cells]


def test_officer_sees_every_assessment_newest_round_first(many, officer_client):
    response = officer_client.get(LIST_URL)

    assert listed(response) == [
        "Anytown Council, 2026/27",
        "Hilltop Housing, 2026/27",
        "Riverside Trust, 2026/27",
        "Anytown Council, 2025/26",
        "Hilltop Housing, 2025/26",
        "Riverside Trust, 2025/26",
    ]
    assert "6 self-assessments" in page_text(response)


def test_officer_filters_by_round_and_status(many, officer_client):
    by_round = officer_client.get(LIST_URL, {"round": "2025/26"})
    submitted = officer_client.get(LIST_URL, {"status": "submitted"})
    drafts_last_year = officer_client.get(LIST_URL, {"round": "2025/26", "status": "draft"})

    assert listed(by_round) == ["Anytown Council, 2025/26", "Hilltop Housing, 2025/26", "Riverside Trust, 2025/26"]
    assert listed(submitted) == ["Hilltop Housing, 2025/26"]
    assert row_for(submitted, "Hilltop Housing , 2025/26").startswith("Hilltop Housing , 2025/26 2025/26 Submitted")
    assert listed(drafts_last_year) == ["Anytown Council, 2025/26", "Riverside Trust, 2025/26"]


def test_list_is_paginated(compact, officer_client):
    for n in range(30):
        factories.AssessmentFactory(compact=compact, organisation=signed_organisation(compact, name=f"Org {n:02d}"))

    first = officer_client.get(LIST_URL)
    second = officer_client.get(LIST_URL, {"page": 2})

    assert len(listed(first)) == 25 and len(listed(second)) == 5
    assert "30 self-assessments" in page_text(first)


def test_list_query_count_does_not_grow_with_rows(compact, officer_client):
    def add(count):
        for _ in range(count):
            assessment = factories.AssessmentFactory(compact=compact, organisation=signed_organisation(compact))
            rate_everything(assessment, Level.DEVELOPING)

    def queries_for_list():
        officer_client.get(LIST_URL)  # what pages keep (the Compact in force) is in the cache from here on
        with CaptureQueriesContext(connection) as queries:
            response = officer_client.get(LIST_URL)
        return len(queries), response

    add(2)
    few, _ = queries_for_list()
    add(18)
    many, response = queries_for_list()

    assert many == few
    assert page_text(response).count("7 of 7 factors complete") == 20


# Getting there


def test_dashboard_links_champions_and_officers_to_self_assessments(trust, chris_client, officer_client):
    assert "Your self-assessment – start or continue Riverside Trust’s self-assessment" in page_text(
        chris_client.get(reverse("dashboard"))
    )
    assert f'href="{LIST_URL}">Self-assessments</a>' in officer_client.get(reverse("dashboard")).content.decode()


# The whole journey


def test_champion_completes_a_self_assessment_from_start_to_finish(compact, trust, chris_client, officer_client):
    chris_client.post(START_URL, {"round": "2026/27"})
    assessment = Assessment.objects.get()

    bad = answers(1, evidence="Board minutes", evidence_link="not a web address")
    assert error_summary(chris_client.post(factor_url(assessment, 1), bad))
    assert not Rating.objects.exists()

    chris_client.post(
        factor_url(assessment, 1), answers(1, evidence="Board minutes", evidence_link="https://example.org/m")
    )
    chris_client.post(factor_url(assessment, 2), answers(2, level=None, evidence="Still finding out"))
    assert "Self-assessment incomplete 1 of 7 sections completed." in page_text(
        chris_client.get(detail_url(assessment))
    )
    assert error_summary(chris_client.post(submit_url(assessment)))

    for number in range(2, 8):
        chris_client.post(factor_url(assessment, number), answers(number, level=Level.DEVELOPING))
    assert "Now submit your self-assessment" in page_text(chris_client.get(review_url(assessment)))
    chris_client.post(submit_url(assessment))

    response = chris_client.get(detail_url(assessment))
    assert row_for(response, "1. Outcomes focus") == "1. Outcomes focus 67"
    assert row_for(response, "7. Embed the Compact") == "7. Embed the Compact 33"

    officer_client.post(reopen_url(assessment), {"reason": "Factor 2 evidence is missing"})
    chris_client.post(factor_url(assessment, 2), answers(2, level=Level.EMBEDDED))
    chris_client.post(submit_url(assessment))

    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.SUBMITTED
    response = chris_client.get(detail_url(assessment))
    assert row_for(response, "2. Establish the right structures") == "2. Establish the right structures 100"
    assert "Reason: Factor 2 evidence is missing" in page_text(response)
