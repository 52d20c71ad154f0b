"""Names fold the way people read them, in the register import and (the same table) in the pickers' JavaScript."""

import json
from pathlib import Path

import pytest

from signatories.imports.names import fold, name_key
from tests import factories

from .spreadsheets import csv_bytes, organisation, preview_of, table

FOLDS = json.loads((Path(__file__).resolve().parents[2] / "js" / "name-folding.json").read_text())["folds"]


@pytest.mark.parametrize("name, folded", FOLDS)
def test_names_fold_as_the_pickers_fold_them(name, folded):
    assert fold(name) == folded


@pytest.mark.parametrize(
    "a, b",
    [
        ("Café Crème", "Cafe Creme"),
        ("St John’s Church", "St Johns Church"),  # a curly apostrophe, as Word types it
        ("St John’s Church", "St John's Church"),
        ("Tŷ Hafan", "Ty Hafan"),
        ("The Naïve Café Ltd", "naive cafe limited"),
    ],
)
def test_names_people_read_as_one_match(a, b):
    assert name_key(a) == name_key(b)


def test_accented_letters_are_kept_as_their_letters_not_dropped():
    assert name_key("Café Crème") == "cafe creme"  # not "caf cr me"


def test_a_name_wholly_in_another_script_keeps_a_key_of_its_own():
    arabic, other_arabic, bengali = "جمعية الخير", "مركز النور", "বাংলাদেশ কল্যাণ সমিতি"
    assert name_key(arabic) and name_key(other_arabic) and name_key(bengali)
    assert len({name_key(arabic), name_key(other_arabic), name_key(bengali), name_key("")}) == 4


def test_different_welsh_names_stay_different():
    assert name_key("Tŷ Hafan") != name_key("Tŷ Gwyn")


@pytest.mark.django_db
def test_the_import_finds_a_name_typed_with_a_curly_apostrophe_and_accents(officer_client, compact):
    church = factories.OrganisationFactory(name="St Johns Church")
    cafe = factories.OrganisationFactory(name="Cafe Creme")
    rows = [organisation("St John’s Church", Website="https://stjohns.example.org"), organisation("Café Crème")]

    preview = preview_of(officer_client, csv_bytes(table(rows))).context["preview"]

    assert (preview.counts["new"], preview.counts["error"]) == (0, 0)
    assert {row.target for row in preview.rows} == {church, cafe}
