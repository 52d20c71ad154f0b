"""The cell rules: UK charity and company numbers, postcodes, emails and the ways people write dates."""

import datetime

import pytest

from signatories.imports.matching import name_key
from signatories.imports.validation import (
    CellError,
    clean_charity_number,
    clean_company_number,
    clean_email,
    clean_postcode,
    parse_date,
)


@pytest.mark.parametrize(
    "value,expected",
    [
        ("1234567", "1234567"),
        (1234567, "1234567"),
        (1234567.0, "1234567"),
        ("123456", "123456"),
        ("12345678", "12345678"),
        ("1234567-1", "1234567-1"),
        ("sc012345", "SC012345"),
        ("SC 012 345", "SC012345"),
        ("NIC100001", "NIC100001"),
        ("NI100001", "NI100001"),
        ("", ""),
    ],
)
def test_charity_numbers_of_england_and_wales_scotland_and_northern_ireland(value, expected):
    assert clean_charity_number(value) == expected


@pytest.mark.parametrize("value", ["12345", "123456789", "SC12345", "AB123456", "1234567-", "charity"])
def test_wrong_charity_numbers(value):
    with pytest.raises(CellError):
        clean_charity_number(value)


@pytest.mark.parametrize(
    "value,expected",
    [
        ("01234567", "01234567"),
        (1234567, "01234567"),
        ("sc123456", "SC123456"),
        ("OC301234", "OC301234"),
        ("NI012345", "NI012345"),
        ("SO301234", "SO301234"),
        ("R0012345", "R0012345"),
        ("NC001234", "NC001234"),
    ],
)
def test_company_numbers(value, expected):
    assert clean_company_number(value) == expected


@pytest.mark.parametrize("value", ["123456789", "XX123456", "SC12345", "ABCDEFGH"])
def test_wrong_company_numbers(value):
    with pytest.raises(CellError):
        clean_company_number(value)


@pytest.mark.parametrize(
    "value,expected",
    [
        ("sw1a1aa", "SW1A 1AA"),
        ("NB4 7LP", "NB4 7LP"),
        ("m1 1ae", "M1 1AE"),
        ("B33 8TH", "B33 8TH"),
        ("CR2 6XH", "CR2 6XH"),
        ("DN55 1PT", "DN55 1PT"),
        ("EC1A 1BB", "EC1A 1BB"),
        ("GIR 0AA", "GIR 0AA"),
    ],
)
def test_uk_postcodes(value, expected):
    assert clean_postcode(value) == expected


@pytest.mark.parametrize("value", ["12345", "NB4", "QA1 1AA", "SW1A 1A", "ABC 123"])
def test_wrong_postcodes(value):
    with pytest.raises(CellError):
        clean_postcode(value)


def test_emails():
    assert clean_email("Info@Example.ORG") == "info@example.org"
    assert clean_email("mailto:a@example.org") == "a@example.org"
    with pytest.raises(CellError):
        clean_email("not an email")


@pytest.mark.parametrize(
    "value",
    [
        "03/03/2025",
        "3/3/2025",
        "2025-03-03",
        "3 March 2025",
        "3 Mar 2025",
        "3rd March 2025",
        45719,
        "45719",
        datetime.datetime(2025, 3, 3, 0, 0),
        datetime.date(2025, 3, 3),
    ],
)
def test_dates_as_people_and_excel_write_them(value):
    assert parse_date(value) == datetime.date(2025, 3, 3)


@pytest.mark.parametrize("value", ["31/02/2025", "03/13/2025", "next Tuesday", "3 Smarch 2025", 0, -5])
def test_dates_that_are_not_dates(value):
    with pytest.raises(CellError):
        parse_date(value)


@pytest.mark.parametrize(
    "a,b",
    [
        ("The Riverside Trust Ltd", "riverside trust limited"),
        ("Smith & Sons", "Smith and Sons"),
        ("St. Luke's Project", "St Lukes Project"),
        ("  Age  UK  ", "age uk"),
    ],
)
def test_names_that_match(a, b):
    assert name_key(a) == name_key(b)


def test_names_that_do_not_match():
    assert name_key("Riverside Trust") != name_key("Riverside Trust North")
