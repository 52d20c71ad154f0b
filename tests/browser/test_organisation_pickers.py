"""Choosing organisations by typing (issue #17), in a real browser, with axe-core on every page.

- A champion records a win with two organisations using only the keyboard: typing, arrows, Enter, Tab, and
  "Remove".
- The same without JavaScript (a context with JavaScript turned off): checkboxes grouped by sector. axe-core
  cannot run in a page without JavaScript, so the same journey runs a second time in a checked context where the
  service's own scripts are blocked (the pages look exactly as they do without JavaScript) and axe-core checks
  every page of that run.
- The wins library's organisation filter, the action plan's owner and its filter use the same type-ahead, and
  the error summary's link lands on it.
"""

import re

import pytest
from playwright.sync_api import expect

from signatories.models import Organisation
from success_factors.models import Action
from tests.browser.conftest import close_checked_page, log_in, open_checked_page, settle, visit
from wins.models import Win, WinStatus

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SERVICE_SCRIPTS = re.compile(r"/static/(js|dist)/.*\.js$")


def tab_to(page, target, most=120):
    """Press Tab until ``target`` has the keyboard focus, as a keyboard user would."""
    for _ in range(most):
        if target.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {target}")


def type_into(page, target, text):
    tab_to(page, target)
    page.keyboard.type(text)


def matches(page, field_id):
    """The options a type-ahead offers."""
    return page.locator(f"#{field_id}__listbox").get_by_role("option")


def organisation_names(win):
    return sorted(win.organisations.values_list("name", flat=True))


def test_a_champion_records_a_win_with_two_organisations_by_keyboard_only(page, demo):
    log_in(page, "champion")
    tab_to(page, page.get_by_role("button", name="Record a win"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Record a win")
    picker = page.get_by_role("group", name="Organisations involved (optional)")
    chosen = picker.get_by_role("list", name="Chosen organisations")
    adder = picker.get_by_role("combobox", name="Add an organisation")
    expect(picker.get_by_role("checkbox")).to_have_count(0)  # the checkboxes give way to the type-ahead
    expect(chosen).to_have_text(re.compile(r"^\s*Northbrook CVS\s*Remove Northbrook CVS\s*$"))

    type_into(page, page.get_by_label("Give the win a short title"), "Repair café at the Men's Shed")
    type_into(page, page.get_by_label("What happened?"), "The Men's Shed and the fire service fixed smoke alarms.")
    type_into(page, page.get_by_label("What difference did it make?"), "Sixty homes safer.")
    tab_to(page, page.get_by_label("Outcomes focus"))
    page.keyboard.press("Space")

    # The champion's own organisation is there to start with; take it off, and focus goes back to typing.
    tab_to(page, picker.get_by_role("button", name="Remove Northbrook CVS"))
    page.keyboard.press("Enter")
    expect(picker).to_contain_text("None chosen yet.")
    expect(adder).to_be_focused()

    # Words in any order; the arrow keys and Enter choose.
    page.keyboard.type("shed mens")
    expect(matches(page, "id_organisations").first).to_have_text("Northbrook Men's Shed")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(chosen.get_by_role("listitem")).to_have_count(1)
    expect(adder).to_have_value("")
    expect(adder).to_be_focused()

    # "&" finds "and"; Enter takes the best match.
    page.keyboard.type("fire & rescue")
    expect(matches(page, "id_organisations").first).to_have_text("Northshire Fire and Rescue Service")
    page.keyboard.press("Enter")
    expect(chosen.get_by_role("listitem")).to_have_count(2)
    expect(adder).to_have_value("")  # taken, and ready for the next (typing sooner could lose a key)

    # A withdrawn signatory is marked in the matches; chosen by mistake, it is removed again.
    page.keyboard.type("westgate youth")
    expect(matches(page, "id_organisations")).to_have_text(["Westgate Youth Club (withdrawn)"])
    page.keyboard.press("Enter")
    expect(chosen.get_by_role("listitem")).to_have_count(3)
    tab_to(page, picker.get_by_role("button", name="Remove Westgate Youth Club (withdrawn)"))
    page.keyboard.press("Enter")
    expect(chosen.get_by_role("listitem")).to_have_text(
        [re.compile("^Northbrook Men's Shed"), re.compile("^Northshire Fire and Rescue Service")]
    )

    # Enter in the type-ahead with nothing to choose does not send the form half-filled.
    tab_to(page, adder)
    page.keyboard.type("no such group")
    expect(matches(page, "id_organisations")).to_have_text("No organisations match")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Record a win")
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")

    tab_to(page, page.get_by_role("button", name="Submit for publishing"))
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_contain_text("Your win has been submitted")
    win = Win.objects.get(title="Repair café at the Men's Shed")
    assert win.status == WinStatus.SUBMITTED
    assert organisation_names(win) == ["Northbrook Men's Shed", "Northshire Fire and Rescue Service"]

    visit(page, f"/wins/{win.pk}/")
    expect(page.locator("main")).to_contain_text("Northbrook Men's Shed")
    expect(page.locator("main")).to_contain_text("Northshire Fire and Rescue Service")


def record_a_win_without_scripts(page, title):
    """The no-JavaScript journey: checkboxes grouped by sector, ticked and unticked with the keyboard."""
    log_in(page, "champion")
    page.get_by_role("button", name="Record a win").click()
    picker = page.get_by_role("group", name="Organisations involved (optional)")
    expect(picker.get_by_role("combobox")).to_have_count(0)
    expect(picker.get_by_role("group", name="Statutory")).to_be_visible()
    expect(picker.get_by_role("checkbox", name="Northbrook CVS")).to_be_checked()  # their own, to start with
    expect(picker.get_by_role("checkbox", name="Westgate Youth Club (withdrawn)")).not_to_be_checked()

    page.get_by_label("Give the win a short title").fill(title)
    page.get_by_label("What happened?").fill("The Men's Shed and the fire service fixed smoke alarms.")
    page.get_by_label("What difference did it make?").fill("Sixty homes safer.")
    # A mistake first: nothing chosen is lost when the page comes back with an error.
    tab_to(page, picker.get_by_role("checkbox", name="Northbrook Men's Shed"))
    page.keyboard.press("Space")
    page.get_by_role("button", name="Submit for publishing").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select at least one of the seven factors")
    expect(picker.get_by_role("checkbox", name="Northbrook Men's Shed")).to_be_checked()

    page.get_by_label("Outcomes focus").check()
    tab_to(page, picker.get_by_role("checkbox", name="Northbrook CVS"))
    page.keyboard.press("Space")
    tab_to(page, picker.get_by_role("checkbox", name="Northshire Fire and Rescue Service"))
    page.keyboard.press("Space")
    page.get_by_role("button", name="Submit for publishing").click()
    expect(page.locator("main")).to_contain_text("Your win has been submitted")
    return Win.objects.get(title=title)


def test_a_win_with_two_organisations_is_recorded_without_javascript(browser, live_server, demo):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        win = record_a_win_without_scripts(page, "Smoke alarms, recorded without JavaScript")
    finally:
        context.close()
    assert organisation_names(win) == ["Northbrook Men's Shed", "Northshire Fire and Rescue Service"]


def test_the_pages_without_javascript_pass_the_accessibility_checks(browser, live_server, demo):
    page, axe = open_checked_page(browser, live_server.url)
    page.route(SERVICE_SCRIPTS, lambda route: route.abort())  # axe-core still runs: it is not the service's
    try:
        win = record_a_win_without_scripts(page, "Smoke alarms, checked by axe-core")
    finally:
        close_checked_page(page)
    assert organisation_names(win) == ["Northbrook Men's Shed", "Northshire Fire and Rescue Service"]
    assert len(axe.checked) == len(axe.loaded) >= 4, (axe.loaded, axe.checked)
    assert not axe.violations, "Accessibility violations:\n" + "\n".join(axe.violations)


def test_the_wins_library_filters_by_an_organisation_chosen_by_typing(page, demo):
    shed = Organisation.objects.get(name="Northbrook Men's Shed")
    log_in(page, "lsp")
    page.get_by_role("link", name="Wins", exact=True).click()
    filter_box = page.get_by_role("combobox", name="Organisation involved", exact=True)
    filter_box.fill("SHED northbrook")
    expect(matches(page, "id_organisation").first).to_have_text("Northbrook Men's Shed")
    filter_box.press("Enter")
    expect(filter_box).to_have_value("Northbrook Men's Shed")
    page.get_by_role("button", name="Apply").click()
    expect(page).to_have_url(re.compile(rf"[?&]organisation={shed.pk}(&|$)"))
    listed = Win.objects.filter(status=WinStatus.PUBLISHED, organisations=shed).count()
    assert 0 < listed < Win.objects.filter(status=WinStatus.PUBLISHED).count()
    expect(page.locator("main p[role=status]")).to_contain_text(f"{listed} win")
    # The filter keeps its choice on the results page, and clearing the box shows every win again.
    filter_box = page.get_by_role("combobox", name="Organisation involved", exact=True)
    expect(filter_box).to_have_value("Northbrook Men's Shed")
    filter_box.fill("")
    page.get_by_role("button", name="Apply").click()
    expect(page).not_to_have_url(re.compile(rf"organisation={shed.pk}"))


def test_the_action_plans_owner_is_chosen_by_typing_and_errors_lead_to_it(page, demo):
    log_in(page, "officer")
    visit(page, "/actions/new/")
    page.get_by_label("Outcomes focus").check()
    page.get_by_label("What will be done?").fill("Hold a joint commissioning workshop.")
    page.get_by_role("group", name="Due date").get_by_label("Day").fill("31")
    page.get_by_role("group", name="Due date").get_by_label("Month").fill("3")
    page.get_by_role("group", name="Due date").get_by_label("Year").fill("2027")
    owner = page.get_by_role("combobox", name="Owning organisation (optional)")
    owner.fill("no such organisation")  # not an organisation: nothing is chosen, and the page says so
    page.get_by_role("button", name="Add action").click()

    summary = page.locator(".govuk-error-summary")
    summary.get_by_role("link", name=re.compile("Give the action an owner")).click()
    owner = page.get_by_role("combobox", name="Owning organisation (optional)")
    expect(owner).to_be_focused()
    expect(owner).to_have_attribute("aria-describedby", re.compile("id_owner_organisation_1_error"))
    expect(page.get_by_label("What will be done?")).to_have_value("Hold a joint commissioning workshop.")

    owner.fill("council northbrook")
    expect(matches(page, "id_owner_organisation")).to_have_text(["Northbrook Borough Council"])
    owner.press("Enter")
    page.get_by_role("button", name="Add action").click()
    expect(page.locator("main")).to_contain_text("The action has been added to the plan")
    action = Action.objects.get(description="Hold a joint commissioning workshop.")
    assert action.owner_organisation.name == "Northbrook Borough Council"

    # The plan's filter on the owning organisation is the same type-ahead.
    visit(page, "/actions/")
    owner_filter = page.get_by_role("combobox", name="Owning organisation")
    owner_filter.fill("borough council")
    owner_filter.press("Enter")
    page.get_by_role("button", name=re.compile("Apply")).click()
    expect(page).to_have_url(re.compile(rf"owner_organisation={action.owner_organisation.pk}"))
    expect(page.locator("main")).to_contain_text("Hold a joint commissioning workshop.")
    settle(page)
