import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from commitments import selectors, services
from commitments.models import Commitment, RecordStatus, Result, Rule
from signatories.models import Sector
from tests import factories

from .builders import consultation, funding, result, statutory_body

D = datetime.date


@pytest.fixture
def voluntary_champion(db):
    return factories.champion_user(
        username="vcs-champion", organisation=factories.OrganisationFactory(sector=Sector.VOLUNTARY)
    )


def test_an_officers_consultation_is_verified_and_checked_against_the_consultation_commitments(compact, officer):
    record = consultation(compact=compact, by=officer, weeks=11, days=6)
    assert record.status == RecordStatus.VERIFIED
    assert record.verified_by == officer
    assert [c.commitment.rule for c in record.checks.all()] == [Rule.CONSULTATION_LENGTH]
    check = record.checks.get()
    assert (check.result, check.threshold, check.verified, check.dated_on) == (Result.NOT_MET, 12, True, D(2026, 1, 5))


def test_a_funding_decision_is_checked_against_each_funding_commitment(compact, officer):
    record = funding(compact=compact, by=officer, ends_on=D(2027, 3, 31), paid_in_advance=None)
    results = {c.commitment.rule: c.result for c in record.checks.all()}
    assert results == {
        Rule.RATIONALE: Result.MET,
        Rule.MULTI_YEAR: Result.NOT_MET,
        Rule.FULL_COST_RECOVERY: Result.MET,
        Rule.PAYMENT_IN_ADVANCE: Result.UNKNOWN,
    }  # not ended or cut, so the notice commitment does not apply


def test_a_voluntary_sector_champion_reports_a_record_that_waits_for_an_officer(compact, voluntary_champion, officer):
    record = consultation(compact=compact, by=voluntary_champion, weeks=4)
    assert record.status == RecordStatus.REPORTED
    assert record.reported_by_organisation.sector == Sector.VOLUNTARY
    assert record.checks.get().verified is False
    services.verify(record=record, by=officer)
    record.refresh_from_db()
    assert record.status == RecordStatus.VERIFIED
    assert record.checks.get().verified is True


def test_a_statutory_champion_or_lsp_member_cannot_report(compact):
    statutory = factories.champion_user(username="stat", organisation=statutory_body("Anytown Police"))
    with pytest.raises(PermissionDenied):
        consultation(compact=compact, by=statutory)
    with pytest.raises(PermissionDenied):
        consultation(compact=compact, by=factories.lsp_member())


def test_a_champion_cannot_verify(compact, voluntary_champion):
    record = consultation(compact=compact, by=voluntary_champion)
    with pytest.raises(PermissionDenied):
        services.verify(record=record, by=voluntary_champion)


def test_the_body_must_be_a_statutory_organisation(compact, officer):
    with pytest.raises(ValidationError) as error:
        consultation(compact=compact, by=officer, body=factories.OrganisationFactory(sector=Sector.VOLUNTARY))
    assert "statutory" in str(error.value)


def test_the_statutory_bodys_champion_explains_and_an_officer_accepts(compact, officer):
    body = statutory_body()
    record = funding(
        compact=compact,
        by=officer,
        body=body,
        change="ended",
        notice_given_on=D(2026, 3, 2),
        change_takes_effect_on=D(2026, 3, 23),
        change_reason="Programme closed",
    )
    check = record.checks.get(commitment__rule=Rule.NOTICE)
    assert check.result == Result.NOT_MET
    with pytest.raises(ValidationError, match="No reason has been given"):
        services.accept_explanation(check=check, by=officer, note="Fine")
    other = factories.champion_user(username="other", organisation=statutory_body("Anytown Police"))
    with pytest.raises(PermissionDenied):
        services.add_explanation(record=record, by=other, explanation="Not us")
    body_champion = factories.champion_user(username="council-champion", organisation=body)
    services.add_explanation(
        record=record, by=body_champion, explanation="Central government cut the grant at a week's notice."
    )
    with pytest.raises(PermissionDenied):
        services.accept_explanation(check=check, by=body_champion, note="We accept it")
    services.accept_explanation(check=check, by=officer, note="Outside the council's control")
    check.refresh_from_db()
    assert check.result == Result.EXPLAINED
    assert check.accepted_by == officer


def test_an_accepted_explanation_stays_while_the_commitment_is_still_not_met(compact, officer):
    record = consultation(compact=compact, by=officer, weeks=6, shorter_reason="Statutory deadline")
    check = record.checks.get()
    services.accept_explanation(check=check, by=officer, note="A legal deadline")
    services.update_record(record=record, by=officer, title="Budget consultation 2026")
    assert result(record, Rule.CONSULTATION_LENGTH) == Result.EXPLAINED
    services.update_record(record=record, by=officer, closes_on=record.opened_on + datetime.timedelta(weeks=12))
    assert result(record, Rule.CONSULTATION_LENGTH) == Result.MET


def test_a_changed_threshold_applies_to_records_from_then_on(compact, officer):
    before = consultation(compact=compact, by=officer, weeks=10)
    commitment = Commitment.objects.get(rule=Rule.CONSULTATION_LENGTH)
    services.save_commitment(commitment=commitment, by=officer, threshold=8)
    after = consultation(compact=compact, by=officer, weeks=10)
    assert result(after, Rule.CONSULTATION_LENGTH) == Result.MET
    assert result(before, Rule.CONSULTATION_LENGTH) == Result.NOT_MET
    services.update_record(record=before, by=officer, title="Corrected title")  # checked again, with its own 12 weeks
    assert result(before, Rule.CONSULTATION_LENGTH) == Result.NOT_MET
    assert commitment.history.count() >= 1
    assert commitment.history.first().threshold == 8


def test_a_local_commitment_checks_records_recorded_after_it(compact, officer):
    old = consultation(compact=compact, by=officer)
    services.save_commitment(
        by=officer,
        title="Feedback within 8 weeks",
        description="",
        rule=Rule.FEEDBACK,
        threshold=8,
        factor=Commitment.objects.first().factor,
        order=7,
    )
    new = consultation(compact=compact, by=officer)
    assert new.checks.filter(commitment__rule=Rule.FEEDBACK).get().result == Result.UNKNOWN
    services.update_record(record=old, by=officer, title="Still the old one")
    assert not old.checks.filter(commitment__rule=Rule.FEEDBACK).exists()


def test_a_commitment_with_a_threshold_needs_one(officer, db):
    with pytest.raises(ValidationError, match="weeks"):
        services.save_commitment(
            by=officer,
            title="Consult well",
            description="",
            rule=Rule.CONSULTATION_LENGTH,
            threshold=None,
            factor=Commitment.objects.first().factor,
            order=9,
        )


def test_rates_count_verified_records_in_each_period(compact, officer, voluntary_champion):
    consultation(compact=compact, by=officer, opened_on=D(2026, 1, 5))  # met
    consultation(compact=compact, by=officer, opened_on=D(2026, 2, 2), weeks=3)  # not met
    consultation(compact=compact, by=officer, opened_on=D(2025, 11, 3))  # met, previous period
    consultation(compact=compact, by=voluntary_champion, opened_on=D(2026, 2, 9), weeks=2)  # not verified
    rates = selectors.commitment_rates(
        compact=compact,
        periods={"current": (D(2026, 1, 1), D(2026, 3, 31)), "previous": (D(2025, 10, 1), D(2025, 12, 31))},
    )
    row = next(r for r in rates["commitments"] if r["title"] == "Consultations last 12 weeks")
    assert (row["current"]["met"], row["current"]["not_met"], row["current"]["rate"]) == (1, 1, 50)
    assert (row["previous"]["met"], row["previous"]["rate"]) == (1, 100)
    assert [(r["name"], r["current"]["checked"]) for r in rates["bodies"]] == [("Anytown Borough Council", 2)]
    assert [r["why"][:9] for r in rates["not_met"]] == ["Open from"]
    assert rates["not_met_count"] == 1


def test_results_describe_each_commitment_but_a_report_keeps_what_it_always_kept(compact, officer):
    consultation(compact=compact, by=officer, opened_on=D(2026, 1, 5), weeks=3)
    periods = {"current": (D(2026, 1, 1), D(2026, 3, 31)), "previous": (D(2025, 10, 1), D(2025, 12, 31))}
    described = next(
        r
        for r in selectors.commitment_results(compact=compact, periods=periods)["commitments"]
        if r["rule"] == Rule.CONSULTATION_LENGTH
    )
    assert (described["threshold"], described["unit"], described["is_local"], described["in_force"]) == (
        12,
        "weeks",
        False,
        True,
    )
    assert described["current"]["not_met"] == 1
    reported = selectors.commitment_rates(compact=compact, periods=periods)["commitments"]
    assert {tuple(row) for row in reported} == {("id", "title", "factor", "kind", "current", "previous")}


@pytest.mark.parametrize(
    "start,end,previous",
    [
        (D(2026, 1, 1), D(2026, 3, 31), (D(2025, 10, 1), D(2025, 12, 31))),  # whole months stay whole months
        (D(2025, 12, 2), D(2026, 12, 1), (D(2024, 12, 2), D(2025, 12, 1))),
        (D(9999, 1, 1), D(9999, 12, 31), (D(9998, 1, 1), D(9998, 12, 31))),  # the calendar's last day
    ],
)
def test_the_period_before_is_as_long(start, end, previous):
    assert selectors.Period("", "", start, end).previous == previous


def test_the_early_warning_lists_funding_ending_within_four_months_without_notice(compact, officer):
    today = D(2026, 6, 1)
    soon = funding(compact=compact, by=officer, name="Ends in October", ends_on=D(2026, 10, 1))
    funding(compact=compact, by=officer, name="Ends after four months", ends_on=D(2026, 10, 2))
    funding(
        compact=compact,
        by=officer,
        name="Notice given",
        ends_on=D(2026, 9, 1),
        change="ended",
        notice_given_on=D(2026, 5, 1),
        change_takes_effect_on=D(2026, 9, 1),
    )
    funding(compact=compact, by=officer, name="Ended already", ends_on=D(2026, 5, 31))
    assert list(selectors.funding_ending_without_notice(compact=compact, today=today)) == [soon]
