from success_factors.wording import change_text, gap_text, score_text


def test_score_is_a_whole_number():
    assert score_text(66.666) == "67"


def test_half_a_point_rounds_up():
    assert score_text(16.5) == "17"


def test_missing_score_is_not_enough_evidence_never_zero():
    assert score_text(None) == "Not enough evidence"


def test_a_real_zero_is_shown_as_zero():
    assert score_text(0.0) == "0"


def test_change_up():
    assert change_text(58.3, 50.0) == "up 8"


def test_change_down():
    assert change_text(47.0, 50.0) == "down 3"


def test_no_change():
    assert change_text(50.2, 49.9) == "no change"


def test_change_without_a_previous_score_is_a_dash():
    assert change_text(50.0, None) == "–"


def test_gap_when_statutory_partners_rate_higher():
    assert gap_text(100.0, 33.333) == "Statutory partners rate it 67 points higher"


def test_gap_when_voluntary_partners_rate_higher():
    assert gap_text(40.0, 41.0) == "Voluntary and community partners rate it 1 point higher"


def test_gap_when_both_agree():
    assert gap_text(50.0, 50.0) == "Both rate it the same"


def test_gap_without_both_sectors():
    assert gap_text(50.0, None) == "Not enough evidence to compare"
