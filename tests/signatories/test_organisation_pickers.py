"""The organisation pickers' server side: the choices (withdrawn marked, one query), the checkboxes that work
without JavaScript (grouped by sector, escaped, the field's id on the first), and what a form saves from them."""

import datetime
import re

import pytest
from crispy_forms.utils import render_crispy_form
from crispy_forms_gds.layout import Layout
from django.db import connection
from django.test.utils import CaptureQueriesContext

from signatories.form_fields import GovForm, OrganisationChoiceField, OrganisationPicker, OrganisationsChoiceField
from signatories.models import Sector
from signatories.selectors import organisation_choices, organisation_label
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def register(compact):
    signed = factories.SignatureFactory(compact=compact, organisation__name="Northbrook CVS").organisation
    withdrawn = factories.SignatureFactory(
        compact=compact,
        organisation__name="Riverside Trust",
        withdrawn_on=datetime.date(2024, 1, 1),
        withdrawal_reason="Merged",
    ).organisation
    signed_again = factories.SignatureFactory(
        compact=compact,
        organisation__name="Age UK Northbrook",
        withdrawn_on=datetime.date(2023, 1, 1),
        withdrawal_reason="Lapsed",
    ).organisation
    factories.SignatureFactory(compact=compact, organisation=signed_again, signed_on=datetime.date(2024, 2, 1))
    never = factories.OrganisationFactory(name="Brook Valley Co-operative", sector=Sector.OTHER)
    council = factories.OrganisationFactory(name="Northbrook <Borough> Council", sector=Sector.STATUTORY)
    return {"signed": signed, "withdrawn": withdrawn, "signed_again": signed_again, "never": never, "council": council}


def test_only_organisations_withdrawn_from_the_compact_in_force_are_marked(register):
    labels = [organisation_label(organisation) for organisation in organisation_choices()]

    assert labels == [
        "Age UK Northbrook",
        "Brook Valley Co-operative",
        "Northbrook <Borough> Council",
        "Northbrook CVS",
        "Riverside Trust (withdrawn)",
    ]


def test_a_withdrawal_from_an_older_compact_is_not_marked(register, compact):
    factories.CompactFactory(name="Revised Compact", adopted_on=datetime.date(2025, 4, 1))

    assert "(withdrawn)" not in " ".join(organisation_label(o) for o in organisation_choices())


def test_the_choices_take_one_query_however_many_organisations(register):
    factories.OrganisationFactory.create_batch(20)
    field = OrganisationChoiceField(empty_label="All organisations")

    field.widget.choices = field.choices  # as a form binds them
    with CaptureQueriesContext(connection) as captured:
        html = field.widget.render("organisation", None, attrs={"id": "id_organisation"})

    assert len(captured) == 1
    assert html.count("<option") == 26
    assert 'data-module="compact-organisation-select"' in html
    assert ">Riverside Trust (withdrawn)</option>" in html
    assert ">Northbrook &lt;Borough&gt; Council</option>" in html


def test_the_whole_registers_options_are_kept_until_the_register_changes(register, compact):
    field = OrganisationChoiceField(empty_label="All organisations")
    field.widget.render("organisation", None)

    with CaptureQueriesContext(connection) as captured:
        html = field.widget.render("organisation", register["signed"].pk)
    assert len(captured) == 0
    assert f'<option value="{register["signed"].pk}" selected>Northbrook CVS</option>' in html
    assert html.count(" selected>") == 1

    factories.OrganisationFactory(name="Zebra Crossing Trust")
    factories.SignatureFactory(
        compact=compact,
        organisation=register["never"],
        withdrawn_on=datetime.date(2025, 1, 1),
        withdrawal_reason="Closed",
    )
    html = OrganisationChoiceField().widget.render("organisation", "<b>1</b>")
    assert ">Zebra Crossing Trust</option>" in html
    assert ">Brook Valley Co-operative (withdrawn)</option>" in html
    assert " selected>" not in html  # a value that is no organisation chooses none


def test_a_form_that_narrows_the_list_shows_only_its_own(register):
    class Narrow(GovForm):
        organisation = OrganisationChoiceField()

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields["organisation"].queryset = organisation_choices().filter(sector=Sector.STATUTORY)

    html = str(Narrow()["organisation"])

    assert re.findall(r"<option value=\"\d+\">([^<]*)</option>", html) == ["Northbrook &lt;Borough&gt; Council"]


class WinLikeForm(GovForm):
    organisations = OrganisationsChoiceField(
        required=False, label="Organisations involved (optional)", help_text="Choose every organisation that took part."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(OrganisationPicker("organisations"))


def render(form):
    return render_crispy_form(form)


def test_without_javascript_the_organisations_are_checkboxes_grouped_by_sector(register):
    html = render(WinLikeForm(initial={"organisations": [register["signed"], register["council"]]}))

    legends = re.findall(r'<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">([^<]*)</legend>', html)
    assert legends == ["Organisations involved (optional)", "Statutory", "Voluntary and community", "Other"]
    boxes = re.findall(
        r'<input class="govuk-checkboxes__input" id="([^"]+)" name="organisations" type="checkbox" '
        r'value="(\d+)"( checked)?>',
        html,
    )
    assert [box_id for box_id, _, _ in boxes] == [
        "id_organisations",
        "id_organisations_2",
        "id_organisations_3",
        "id_organisations_4",
        "id_organisations_5",
    ]
    checked = {int(value) for _, value, mark in boxes if mark}
    assert checked == {register["signed"].pk, register["council"].pk}
    assert "Northbrook &lt;Borough&gt; Council</label>" in html
    assert "Riverside Trust (withdrawn)</label>" in html
    assert 'data-module="compact-organisation-picker" data-field-id="id_organisations"' in html
    assert "<select" not in html


def test_the_chosen_organisations_are_what_the_form_gives_back(register):
    form = WinLikeForm(data={"organisations": [str(register["withdrawn"].pk), str(register["never"].pk)]})

    assert form.is_valid(), form.errors
    assert set(form.cleaned_data["organisations"]) == {register["withdrawn"], register["never"]}


def test_an_unknown_organisation_is_an_error_that_links_to_the_picker(register):
    form = WinLikeForm(data={"organisations": ["999999"]})

    assert not form.is_valid()
    html = render(form)
    assert 'class="govuk-form-group compact-organisation-picker govuk-form-group--error"' in html
    assert 'id="id_organisations_1_error"' in html
    # the error summary links to #id_organisations: the first checkbox, or the type-ahead when scripts run
    assert 'id="id_organisations" name="organisations" type="checkbox"' in html


def test_an_empty_register_says_so(db):
    html = render(WinLikeForm())

    assert "There are no organisations on the register yet." in html
