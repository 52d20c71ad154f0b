"""Hostile input at every form and filter: script tags, SQL, very long text, odd unicode, null bytes.

Each example fetches the form as the right person, fills it in as a careful user would, puts one
hostile string into one text field and posts it. Whatever happens the service must answer with a
page, never a server error; show the text back escaped; and either store the text exactly (a
redirect) or refuse it with the error summary and change no rows at all.

File uploads (wrong type, huge size, path traversal names) are covered by tests/wins/test_evidence.py
and tests/wins/test_evidence_files.py.
"""

import datetime
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.db.models import CharField, Q, TextField
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commitments.models import Check, Commitment, Consultation, FundingDecision
from compact_site.accounts.models import Invitation
from compact_site.reporting import services as report_services
from compact_site.reporting.models import Report
from signatories.models import Champion, Compact, Endorsement, Organisation, Signature
from signatories.roles import CHAMPION
from success_factors.models import Action, Assessment, DeadlineExtension, Indicator, Rating, Round, RoundNotice
from tests import factories
from tests.commitments import builders as commitment_builders
from tests.wins import factories as win_factories
from wins.concerns.models import Concern
from wins.models import Win

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
PAYLOADS = [
    SCRIPT,
    IMG,
    "'; DROP TABLE wins_win; --",
    "' OR '1'='1",
    "Robert\u202eevil\u202c",  # right-to-left override
    "a\u200db\u200cc\ufeff",  # zero-width joiner, non-joiner, BOM
    "Family 👩‍👩‍👧‍👦 🏳️‍🌈",
    "Ze\u0301\u0302\u0303\u0304\u0305ro",  # stacked combining marks
    "Ωmega ﷽ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "null\x00byte",
    "\x00",
    "{{ request }}{% debug %}",
    "%s%n%x",
    "../../../etc/passwd",
    "²",  # a digit to str.isdigit(), not to int()
    "٣",  # an Arabic-Indic three
    "9" * 30,  # bigger than any database integer
    "-1",
]
ACTIVE = (SCRIPT, "<img src=x onerror")

hostile_text = st.one_of(
    st.sampled_from(PAYLOADS),
    st.lists(st.sampled_from(PAYLOADS), min_size=2, max_size=4).map(" ".join),
    st.builds(lambda p, n: p * n, st.sampled_from([SCRIPT, "x", "é", "9", "👩‍👩‍👧‍👦"]), st.integers(2500, 10_500)),
    st.text(min_size=1, max_size=60),
)

HYPOTHESIS = settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

DOMAIN_APPS = {"auth", "signatories", "success_factors", "commitments", "wins", "compact_site"}
TEXT_INPUTS = {"text", "email", "url", "tel", "password", "search", None}


class FormReader(HTMLParser):
    """The fields of the page's main POST form, with the values a browser would send unchanged."""

    def __init__(self):
        super().__init__()
        self.forms = []
        self.current = None
        self.select = None
        self.textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "").lower() == "post":
            self.current = {"action": a.get("action") or "", "fields": {}, "text": [], "types": {}}
            self.forms.append(self.current)
        if self.current is None:
            return
        fields, name = self.current["fields"], a.get("name")
        if tag == "input" and name:
            kind = (a.get("type") or "text").lower()
            if kind in ("submit", "button", "file", "image"):
                return
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    fields.setdefault(name, []).append(a.get("value", "on"))
                elif kind == "radio" and name not in fields and a.get("value"):
                    fields[name] = [a["value"]]
                return
            fields[name] = [a.get("value", "")]
            if kind in TEXT_INPUTS and name != "csrfmiddlewaretoken":
                self.current["text"].append(name)
                self.current["types"][name] = "numeric" if a.get("inputmode") == "numeric" else kind
        elif tag == "textarea" and name:
            fields[name] = [""]
            self.current["types"][name] = "textarea"
            self.textarea = name
            self.current["text"].append(name)
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select:
            value = a.get("value", "")
            options = fields.get(self.select)
            if "selected" in a and value or options is None and value:
                fields[self.select] = [value]

    def handle_data(self, data):
        if self.textarea and self.current:
            self.current["fields"][self.textarea][0] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self.textarea = None
        elif tag == "select":
            self.select = None
        elif tag == "form":
            self.current = None


def read_form(response):
    reader = FormReader()
    reader.feed(response.content.decode())
    forms = [f for f in reader.forms if f["text"]]
    assert forms, "the page has no form with a text field"
    return max(forms, key=lambda f: len(f["fields"]))


def counts():
    return {
        m._meta.label: m.objects.count()
        for m in apps.get_models()
        if m._meta.app_label in DOMAIN_APPS and not m._meta.label.startswith("auth.Permission")
    }


def stored(model, text):
    """Some row holds the text exactly (as Django's forms strip it, or with spaces tidied, as names are)."""
    fields = [f.name for f in model._meta.get_fields() if isinstance(f, (CharField, TextField))]
    query = Q()
    for name in fields:
        query |= Q(**{f"{name}__in": {text.strip(), " ".join(text.split())}})
    return model.objects.filter(query).exists()


def assert_escaped(response):
    body = response.content.decode()
    for raw in ACTIVE:
        assert raw not in body, f"unescaped {raw!r} in the page at {response.request['PATH_INFO']}"


NAME_HINTS = [("link", "url"), ("website", "url"), ("email", "email"), ("phone", "tel")]
FILLERS = {
    "tel": "01234 567890",
    "email": "filler-{n}@example.org",
    "url": "https://example.org/{n}",
    "text": "Filler {n}",
    "textarea": "Filler {n}",
}


def fill_in_blanks(fields, types):
    """Put something ordinary in each empty text field, as a user completing the form would."""
    n = sum(counts().values())
    for name, kind in types.items():
        if fields.get(name) != [""] or "number" in name or name[-2:] in ("_0", "_1", "_2"):
            continue
        kind = next((k for hint, k in NAME_HINTS if hint in name), kind)
        if kind in FILLERS:
            fields[name] = [FILLERS[kind].format(n=n)]


def date_parts(fields, prefix_names, when):
    for name in prefix_names:
        for suffix, value in (("_0", when.day), ("_1", when.month), ("_2", when.year)):
            if name + suffix in fields:
                fields[name + suffix] = [str(value)]


def post_hostile(client, url, model, data, extra=None):
    """Fetch the form, fill it in with one hostile value, post it and check what happened."""
    page = client.get(url)
    assert page.status_code == 200, f"{url} gave {page.status_code}"
    form = read_form(page)
    fields = {k: list(v) for k, v in form["fields"].items()}
    fill_in_blanks(fields, form["types"])
    for name, value in (extra or {}).items():
        fields[name] = value if isinstance(value, list) else [value]
    today = datetime.date.today() - datetime.timedelta(days=1)
    date_parts(fields, {n[:-2] for n in fields if n.endswith("_2")}, today)
    targets = [n for n in form["text"] if n[-2:] not in ("_0", "_1", "_2")]
    target = data.draw(st.sampled_from(sorted(targets)), label="field")
    text = data.draw(hostile_text, label="text")
    fields[target] = [text]
    before = counts()
    snapshot = {obj.pk: obj for obj in model.objects.all()}
    response = client.post(form["action"] or url, fields, follow=True)
    assert response.status_code == 200, f"{url}: {response.status_code}"
    assert_escaped(response)
    if response.redirect_chain:
        if form["types"].get(target) != "numeric":  # "٣" is a fine number 3: accepted, stored as 3
            assert stored(model, text), f"{url} accepted {target}={text[:80]!r} but did not store it exactly"
    else:
        assert "govuk-error-summary" in response.content.decode(), (
            f"{url} refused {target}={text[:80]!r} without an error summary"
        )
        assert counts() == before, f"{url}: a refused submission changed rows"
        for pk, obj in snapshot.items():
            assert _values(model.objects.get(pk=pk)) == _values(obj), f"{url}: a refused submission changed a row"
    return response


def _values(obj):
    return {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}


@pytest.fixture
def place(db, compact, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.AXES_ENABLED = False  # repeated failed logins here are not guessing
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed, not safety
    organisation = factories.OrganisationFactory(name="Riverside Trust")
    factories.SignatureFactory(compact=compact, organisation=organisation)
    officer = factories.officer(username="hostile-officer")
    champion_user = factories.champion_user(username="hostile-champion", organisation=organisation)
    clients = {"officer": Client(), "champion": Client(), "anonymous": Client()}
    clients["officer"].force_login(officer)
    clients["champion"].force_login(champion_user)
    return clients | {
        "compact": compact,
        "organisation": organisation,
        "officer_user": officer,
        "champion_user": champion_user,
    }


def new_org():
    return factories.OrganisationFactory()


# Each case: (name, who, the model it writes, the URL (with a fresh record per example), fields to set)
def _signature(p):
    return reverse("signatories:signature_withdraw", kwargs={"pk": factories.SignatureFactory(compact=p["compact"]).pk})


def _champion(p, view):
    return reverse(f"signatories:{view}", kwargs={"pk": factories.ChampionFactory(organisation=p["organisation"]).pk})


def _draft_win(p):
    return reverse(
        "wins:win_edit", kwargs={"pk": win_factories.draft(compact=p["compact"], recorded_by=p["champion_user"]).pk}
    )


def _submitted_win(p):
    return reverse("wins:win_return", kwargs={"pk": win_factories.submitted(compact=p["compact"]).pk})


def _concern(p):
    concern = Concern.objects.create(compact=p["compact"], title="Late grants", factor_id=win_factories.factor(2).pk)
    return reverse("wins:concern_update", kwargs={"pk": concern.pk})


def _action(p, view):
    action = factories.ActionFactory(compact=p["compact"], owner_organisation=p["organisation"])
    return reverse(f"success_factors:{view}", kwargs={"pk": action.pk})


def _assessment_factor(p):
    assessment = factories.AssessmentFactory(compact=p["compact"], organisation=new_org(), round="2026/27")
    return reverse("success_factors:assessment_factor", kwargs={"pk": assessment.pk, "number": 1})


def _draft_report(p):
    report = report_services.create_report(
        compact=p["compact"], start=datetime.date(2026, 1, 1), end=datetime.date(2026, 3, 31), by=p["officer_user"]
    )
    return reverse("reports:report_edit", kwargs={"pk": report.pk})


def _open_round(p):
    return Round.objects.get_or_create(
        compact=p["compact"],
        year="2026/27",
        defaults={"opens_on": datetime.date(2026, 5, 1), "deadline": datetime.date(2026, 6, 30), "status": "open"},
    )[0]


def _round_extend(p):
    return reverse(
        "success_factors:round_extend", kwargs={"pk": _open_round(p).pk, "organisation_pk": p["organisation"].pk}
    )


def _statutory_body(p):
    body = commitment_builders.statutory_body("Hostile Borough Council")
    factories.SignatureFactory(compact=p["compact"], organisation=body) if not body.signatures.exists() else None
    return body


def _consultation(p, view="consultation_edit", **fields):
    record = commitment_builders.consultation(
        compact=p["compact"], by=p["officer_user"], body=_statutory_body(p), **fields
    )
    return reverse(f"commitments:{view}", kwargs={"pk": record.pk})


def _funding(p):
    record = commitment_builders.funding(compact=p["compact"], by=p["officer_user"], body=_statutory_body(p))
    return reverse("commitments:funding_edit", kwargs={"pk": record.pk})


def _check(p):
    record = commitment_builders.consultation(
        compact=p["compact"], by=p["officer_user"], body=_statutory_body(p), weeks=4, shorter_reason="A legal deadline"
    )
    return reverse("commitments:check_accept", kwargs={"pk": record.checks.get().pk})


FORMS = [
    ("compact edit", "officer", Compact, lambda p: reverse("signatories:compact_edit"), {}),
    (
        "organisation create",
        "officer",
        Organisation,
        lambda p: reverse("signatories:organisation_create"),
        {"name": lambda p: f"Trust {Organisation.objects.count()}"},
    ),
    (
        "organisation edit",
        "officer",
        Organisation,
        lambda p: reverse("signatories:organisation_edit", kwargs={"pk": new_org().pk}),
        {},
    ),
    ("sign", "officer", Signature, lambda p: reverse("signatories:organisation_sign", kwargs={"pk": new_org().pk}), {}),
    ("withdraw", "officer", Signature, _signature, {}),
    (
        "endorsement",
        "officer",
        Endorsement,
        lambda p: reverse("signatories:endorsement_create", kwargs={"pk": new_org().pk}),
        {},
    ),
    (
        "champion create",
        "officer",
        Champion,
        lambda p: reverse("signatories:champion_create"),
        {"organisation": lambda p: str(p["organisation"].pk), "user": ""},
    ),
    ("champion edit", "officer", Champion, lambda p: _champion(p, "champion_edit"), {"user": ""}),
    ("champion stand down", "officer", Champion, lambda p: _champion(p, "champion_stand_down"), {}),
    (
        "invitation",
        "officer",
        Invitation,
        lambda p: reverse("invitation_create"),
        {
            "email": lambda p: f"new{Invitation.objects.count()}@example.org",
            "role": CHAMPION,
            "first_name": "Pat",
            "last_name": "Person",
            "organisation": lambda p: str(p["organisation"].pk),
        },
    ),
    (
        "assessment start",
        "officer",
        Assessment,
        lambda p: reverse("success_factors:assessment_start"),
        {"organisation": lambda p: str(new_org().pk)},
    ),
    ("assessment factor page", "officer", Rating, _assessment_factor, {}),
    (
        "indicator create",
        "officer",
        Indicator,
        lambda p: reverse("success_factors:indicator_create", kwargs={"number": 3}),
        {},
    ),
    (
        "action create",
        "officer",
        Action,
        lambda p: reverse("success_factors:action_create"),
        {"factor": "3", "description": "Train the champions", "owner_name": "Pat"},
    ),
    ("action edit", "officer", Action, lambda p: _action(p, "action_edit"), {}),
    ("action progress", "officer", Action, lambda p: _action(p, "action_progress"), {}),
    (
        "win create",
        "champion",
        Win,
        lambda p: reverse("wins:win_create"),
        {
            "title": "A shared approach",
            "what_happened": "We met.",
            "difference_made": "Faster help.",
            "factors": "1",
            "people_reached": "",
        },
    ),
    ("win edit", "champion", Win, _draft_win, {"people_reached": ""}),
    ("win return", "officer", Win, _submitted_win, {}),
    (
        "concern create",
        "champion",
        Concern,
        lambda p: reverse("wins:concern_create"),
        {"title": "Late grants", "details": "Decisions come late."},
    ),
    ("concern update", "officer", Concern, _concern, {}),
    ("round create", "officer", Round, lambda p: reverse("success_factors:round_create"), {"reminder_days": "14, 3"}),
    ("round extend", "officer", DeadlineExtension, _round_extend, {}),
    (
        "round chase",
        "officer",
        RoundNotice,
        lambda p: reverse("success_factors:round_chase", kwargs={"pk": _open_round(p).pk}),
        {"organisations": lambda p: str(p["organisation"].pk)},
    ),
    ("report create", "officer", Report, lambda p: reverse("reports:report_create"), {}),
    (
        "consultation create",
        "officer",
        Consultation,
        lambda p: reverse("commitments:consultation_create"),
        {"body": lambda p: str(_statutory_body(p).pk), "sector_involved": "not_known"},
    ),
    (
        "consultation report",
        "champion",
        Consultation,
        lambda p: reverse("commitments:consultation_create"),
        {"body": lambda p: str(_statutory_body(p).pk), "sector_involved": "not_known"},
    ),
    ("consultation edit", "officer", Consultation, _consultation, {}),
    ("consultation explain", "officer", Consultation, lambda p: _consultation(p, "consultation_explain", weeks=4), {}),
    (
        "funding create",
        "officer",
        FundingDecision,
        lambda p: reverse("commitments:funding_create"),
        {"body": lambda p: str(_statutory_body(p).pk), "amount": "45000"},
    ),
    ("funding edit", "officer", FundingDecision, _funding, {}),
    ("check accept", "officer", Check, _check, {}),
    (
        "commitment create",
        "officer",
        Commitment,
        lambda p: reverse("commitments:commitment_create"),
        {"rule": "consultation_length", "threshold": "12", "factor": "4"},
    ),
    (
        "commitment edit",
        "officer",
        Commitment,
        lambda p: reverse("commitments:commitment_edit", kwargs={"pk": Commitment.objects.order_by("pk").first().pk}),
        {},
    ),
    ("report edit", "officer", Report, _draft_report, {}),
]


@pytest.mark.parametrize("case", FORMS, ids=[c[0] for c in FORMS])
@HYPOTHESIS
@given(data=st.data())
def test_hostile_text_in_a_form(case, place, data):
    name, who, model, url_for, extra = case
    url = url_for(place)
    resolved = {k: (v(place) if callable(v) else v) for k, v in extra.items()}
    post_hostile(place[who], url, model, data, extra=resolved)


@HYPOTHESIS
@given(username=hostile_text, password=hostile_text)
def test_hostile_login_is_refused_with_an_error(place, username, password):
    before = counts()
    response = place["anonymous"].post(reverse("login"), {"username": username, "password": password})
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert_escaped(response)
    assert counts() == before


@HYPOTHESIS
@given(email=hostile_text)
def test_hostile_password_reset_never_fails(place, email, mailoutbox):
    before = counts()
    response = place["anonymous"].post(reverse("password_reset"), {"email": email}, follow=True)
    assert response.status_code == 200
    assert_escaped(response)
    assert counts() == before
    assert not mailoutbox  # no account has a hostile address


FILTERS = [
    ("signatories:organisation_list", "officer", ["name", "sector", "status", "page"]),
    ("signatories:champion_list", "officer", ["name", "organisation", "active", "page"]),
    ("success_factors:assessment_list", "officer", ["round", "status", "page"]),
    ("success_factors:action_list", "officer", ["factor", "status", "owner_organisation", "overdue", "page"]),
    (
        "wins:library",
        "champion",
        [
            "q",
            "factor",
            "organisation",
            "sector",
            "happened_from_0",
            "happened_from_2",
            "happened_to_1",
            "quick",
            "page",
        ],
    ),
    ("wins:concern_list", "officer", ["status", "factor", "page"]),
    ("success_factors:partnership", "officer", ["round"]),
    ("commitments:overview", "champion", ["period"]),
    (
        "commitments:consultation_list",
        "officer",
        ["body", "commitment", "result", "status", "dated_from_0", "dated_to_2", "page"],
    ),
    ("commitments:funding_list", "champion", ["body", "commitment", "result", "dated_from_1", "page"]),
    ("wins:concern_create", "champion", ["consultation", "funding", "check"]),
    ("signatories:champion_create", "officer", ["organisation"]),
    ("success_factors:action_create", "officer", ["factor", "assessment"]),
]


@pytest.mark.parametrize("view,who,params", FILTERS, ids=[f[0] for f in FILTERS])
@HYPOTHESIS
@given(data=st.data())
def test_hostile_filter_values(view, who, params, place, data):
    chosen = data.draw(st.lists(st.sampled_from(params), min_size=1, max_size=3, unique=True), label="params")
    query = {name: data.draw(hostile_text, label=name) for name in chosen}
    response = place[who].get(reverse(view), query)
    assert response.status_code == 200
    assert_escaped(response)


def test_a_null_byte_is_a_normal_form_error(place):
    response = place["officer"].post(
        reverse("signatories:organisation_create"), {"name": "Null\x00Trust", "sector": "voluntary", "kind": "charity"}
    )
    assert response.status_code == 200
    assert "Null characters are not allowed." in response.content.decode()
    assert "govuk-error-summary" in response.content.decode()
    assert not Organisation.objects.filter(name__startswith="Null").exists()


@pytest.mark.parametrize("value", ["²", "٣", "9" * 30, "9" * 5000])
@pytest.mark.parametrize(
    "view,param",
    [
        ("signatories:champion_create", "organisation"),
        ("success_factors:action_create", "factor"),
        ("success_factors:action_create", "assessment"),
    ],
)
def test_a_number_only_python_believes_in_is_ignored(place, view, param, value):
    response = place["officer"].get(reverse(view), {param: value})
    assert response.status_code == 200


def test_overlong_search_text_is_refused_not_run(place):
    win_factories.WinFactory(compact=place["compact"], title="Shared lunch club")
    response = place["champion"].get(reverse("wins:library"), {"q": "lunch " * 2000})
    assert response.status_code == 200
    response = place["officer"].get(reverse("signatories:champion_list"), {"name": "👩‍👩‍👧‍👦" * 10_000})
    assert response.status_code == 200


# The register import: random rows in every column never cause a server error or a partial write.
IMPORT_HEADINGS = [
    "Name",
    "Sector",
    "Kind",
    "Charity number",
    "Company number",
    "Website",
    "Address",
    "Postcode",
    "Main email",
    "Signed on",
    "Signed by",
    "Signed by role",
]
import_cell = st.one_of(
    hostile_text,
    st.sampled_from(
        [
            "",
            "Voluntary and community",
            "Statutory",
            "Charity",
            "1234567",
            "SC012345",
            "01234567",
            "NB1 1AA",
            "03/03/2025",
            "45719",
            "=1+1",
            "@SUM(A1)",
            "-",
            "+",
            "'=x",
        ]
    ),
)


@HYPOTHESIS
@given(
    rows=st.lists(st.lists(import_cell, min_size=0, max_size=len(IMPORT_HEADINGS) + 2), min_size=1, max_size=6),
    as_xlsx=st.booleans(),
)
def test_hostile_rows_in_an_import_never_fail_or_half_load(place, rows, as_xlsx):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from signatories.models import ImportRun
    from tests.signatories.imports.spreadsheets import csv_bytes, xlsx_bytes

    client = place["officer"]
    before = counts()
    lines = [IMPORT_HEADINGS] + rows
    if as_xlsx:
        cleaned = [[value.replace("\x00", "") for value in line] for line in lines]
        try:
            data = xlsx_bytes(cleaned)
        except Exception:  # openpyxl refuses control characters: such a workbook cannot exist
            return
        name = "register.xlsx"
    else:
        data = csv_bytes(lines)
        name = "register.csv"
    response = client.post(
        reverse("signatories:import_upload", args=["organisations"]), {"file": SimpleUploadedFile(name, data)}
    )
    assert response.status_code in (200, 302)
    assert_escaped(response)
    if response.status_code == 200:
        assert "govuk-error-summary" in response.content.decode()
        assert counts() == before
        return
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert_escaped(page)
    preview = page.context["preview"]
    expected_new = preview.counts["new"] if preview.can_confirm else 0
    run = ImportRun.objects.get(public_id=page.context["run"].public_id)
    confirmed = client.post(reverse("signatories:import_confirm", args=[run.public_id]))
    assert confirmed.status_code == 302
    assert Organisation.objects.count() == before["signatories.Organisation"] + expected_new


grant_value = st.one_of(
    hostile_text,
    st.sampled_from(["", "GBP", "12500", "-5", "1e400", "NaN", "31/02/2014", "2026-01-15", "2026-01-15T10:00:00Z"]),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
)


@HYPOTHESIS
@given(
    grants=st.lists(
        st.fixed_dictionaries(
            {
                "id": grant_value,
                "title": grant_value,
                "currency": grant_value,
                "amountAwarded": grant_value,
                "awardDate": grant_value,
                "plannedDates": st.lists(
                    st.fixed_dictionaries({"startDate": grant_value, "duration": grant_value}), max_size=2
                ),
                "recipientOrganization": st.lists(
                    st.fixed_dictionaries({"id": grant_value, "name": grant_value, "companyNumber": grant_value}),
                    max_size=2,
                ),
                "fundingOrganization": st.lists(
                    st.fixed_dictionaries(
                        {"id": grant_value, "name": st.sampled_from(["Anytown Borough Council", SCRIPT])}
                    ),
                    min_size=1,
                    max_size=1,
                ),
                "compact": st.fixed_dictionaries({"fullCostRecovery": grant_value}),
            }
        ),
        min_size=1,
        max_size=5,
    ),
    as_csv=st.booleans(),
)
def test_hostile_grants_in_a_360giving_import_never_fail_or_half_load(place, grants, as_csv):
    """360Giving JSON (or the same grants as a CSV in the standard's titles) with hostile values anywhere."""
    import json

    from django.core.files.uploadedfile import SimpleUploadedFile

    from commitments.funding import threesixty
    from signatories.models import ImportRun
    from tests.signatories.imports.spreadsheets import csv_bytes

    council = commitment_builders.statutory_body()
    if not council.signatures.exists():  # one fixture serves every example
        factories.SignatureFactory(compact=place["compact"], organisation=council)
    client = place["officer"]
    before = counts()
    if as_csv:
        rows = [threesixty.flatten(grant) for grant in grants]
        headings = sorted({title for row in rows for title in row})
        lines = [headings] + [
            ["" if row.get(h) is None else str(row.get(h)).replace("\x00", "") for h in headings] for row in rows
        ]
        data, name = csv_bytes(lines), "grants.csv"
    else:
        data, name = json.dumps({"grants": grants}).encode(), "grants.json"
    response = client.post(
        reverse("signatories:import_upload", args=["grants"]), {"file": SimpleUploadedFile(name, data)}
    )
    assert response.status_code in (200, 302)
    assert_escaped(response)
    if response.status_code == 200:
        assert "govuk-error-summary" in response.content.decode()
        assert counts() == before
        return
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert_escaped(page)
    preview = page.context["preview"]
    expected_new = preview.counts["new"] if preview.can_confirm else 0
    run = ImportRun.objects.get(public_id=page.context["run"].public_id)
    confirmed = client.post(reverse("signatories:import_confirm", args=[run.public_id]))
    assert confirmed.status_code == 302
    assert FundingDecision.objects.count() == before["commitments.FundingDecision"] + expected_new
