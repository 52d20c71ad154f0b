"""Every link in a form's error summary lands on its field: GOV.UK's error summary moves the focus there.

Each form is sent empty, the way someone pressing the button straight away would; then every
``href="#…"`` in the summary must name an element on the page.
"""

import re

import pytest
from django.urls import reverse

from compact_site.reporting.committees.models import Committee
from tests import factories
from tests.conftest import client_for

FORMS = [
    ("officer", "signatories:compact_edit", {}),
    ("officer", "signatories:organisation_create", {}),
    ("officer", "signatories:endorsement_create", {"pk": "organisation"}),
    ("officer", "signatories:champion_create", {}),
    ("officer", "success_factors:indicator_create", {"number": 1}),
    ("officer", "success_factors:action_create", {}),
    ("officer", "success_factors:round_create", {}),
    ("officer", "invitation_create", {}),
    ("officer", "signatories:import_upload", {"kind": "organisations"}),
    ("officer", "reports:report_create", {}),
    ("champion", "wins:win_create", {}),
    ("champion", "wins:concern_create", {}),
    ("officer", "about:settings", {}),
    ("champion", "feedback:report", {}),
    ("officer", "commitments:funding_create", {}),
    ("officer", "commitments:consultation_create", {}),
    ("officer", "commitments:commitment_create", {}),
    ("champion", "pledges:pledge_create", {}),
    ("officer", "pledges:pledge_create", {}),
    ("officer", "committees:committee_create", {}),
    ("officer", "committees:meeting_create", {"pk": "committee"}),
]


def summary_targets(html):
    summary = re.search(r'<div class="govuk-error-summary".*?</ul>', html, flags=re.S)
    assert summary, "the page shows no error summary"
    return re.findall(r'<a href="#([^"]+)"', summary[0])


@pytest.mark.parametrize(("who", "name", "kwargs"), FORMS, ids=[name for _, name, _ in FORMS])
def test_each_error_links_to_an_element_on_the_page(who, name, kwargs, compact, officer, champion):
    organisation = factories.OrganisationFactory()
    committee = Committee.objects.create(compact=compact, name="Scrutiny", kind="scrutiny")
    placeholders = {"organisation": organisation.pk, "committee": committee.pk}
    kwargs = {key: placeholders.get(value, value) for key, value in kwargs.items()}
    client = client_for({"officer": officer, "champion": champion}[who])

    # A browser always sends something (at least the CSRF token); an empty dict would leave the form unbound.
    response = client.post(reverse(name, kwargs=kwargs), {"csrfmiddlewaretoken": "not-checked-by-the-test-client"})

    assert response.status_code == 200
    html = response.content.decode()
    targets = summary_targets(html)
    assert targets
    missing = [target for target in targets if f'id="{target}"' not in html]
    assert not missing, f"error summary links with nothing to land on: {missing}"
