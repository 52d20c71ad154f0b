"""The quick drop-down draws the same options as Django's own, escaped, with the chosen one selected."""

import re

from django import forms

from signatories.form_fields import QuickSelect

CHOICES = [("", "All organisations"), (1, "Alpha & Sons"), (2, "<script>alert(1)</script>"), (3, "Charlie")]


def options(html):
    return re.findall(r"<option\b[^>]*>.*?</option>", html.replace("\n", ""))


def test_quick_select_draws_the_same_options_as_djangos_select():
    quick = QuickSelect(choices=CHOICES).render("organisation", 2, attrs={"id": "id_organisation"})
    django = forms.Select(choices=CHOICES).render("organisation", 2, attrs={"id": "id_organisation"})

    assert [o.replace(" selected>", ">") for o in options(quick)] == [
        re.sub(r"\s+", " ", o).replace(" selected>", ">") for o in options(django)
    ]
    assert options(quick)[2] == '<option value="2" selected>&lt;script&gt;alert(1)&lt;/script&gt;</option>'
    assert 'name="organisation"' in quick and 'id="id_organisation"' in quick


def test_quick_select_keeps_the_govuk_class():
    html = QuickSelect(choices=CHOICES).render("organisation", None)

    assert 'class="govuk-select"' in html
    assert options(html)[1] == '<option value="1">Alpha &amp; Sons</option>'


def test_web_address_inputs_have_the_govuk_input_style():
    from crispy_forms.utils import render_crispy_form

    from signatories.forms import OrganisationForm

    html = render_crispy_form(OrganisationForm())

    assert re.search(r'<input type="url" name="website" class="govuk-input[ "]', html)
