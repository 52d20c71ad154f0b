"""Take the README's screenshots from a running demo site (`make run` in another terminal).

.venv/bin/python docs/take_screenshots.py [http://127.0.0.1:8000 [file.png ...]]   (only those files, if named)
"""

import re
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
ONLY = set(sys.argv[2:])
OUT = Path(__file__).parent / "screenshots"


def type_an_organisation(page):
    """The win form's organisation picker: one chosen, and the matches for words typed in another order."""
    page.get_by_role("combobox", name="Add an organisation").fill("shed mens")
    page.locator("#id_organisations__listbox").get_by_role("option").first.click()
    page.get_by_role("combobox", name="Add an organisation").fill("trust nhs")
    page.locator("#id_organisations__listbox").get_by_role("option").first.wait_for()
    page.get_by_role("group", name="Organisations involved (optional)").scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, -180)")
    page.mouse.move(1000, 10)


# (file, who, path, full page?, then the first link whose text starts with this or a function, if any)
SHOTS = [
    ("dashboard.png", "officer", "/", False, None),
    ("organisations.png", "officer", "/organisations/", False, None),
    ("results.png", "lsp", "/results/", True, None),
    ("factor.png", "champion", "/factors/6/", True, None),
    ("wins.png", "champion", "/wins/", False, None),
    ("record-win-organisations.png", "champion", "/wins/new/", False, type_an_organisation),
    ("report-factors.png", "lsp", "/reports/", False, "Compact report to the LSP"),
    ("pledges.png", "officer", "/pledges/", False, None),
    ("recommendations.png", "officer", "/recommendations/", False, None),
]


def open_the_menu(page):
    page.get_by_role("button", name="Menu").click()


def start_a_self_assessment(page):
    """The first factor's statements, each rated with radios, as a champion sees them on a phone."""
    page.get_by_role("button", name="Start a self-assessment").click()
    page.get_by_role("button", name="Start").click()
    page.get_by_role("link", name=re.compile("Outcomes focus")).click()
    page.locator("fieldset").first.get_by_label("Established").check()


# Each role's main journey on a phone, 375 CSS px wide (the same tuples).
PHONE_SHOTS = [
    ("phone-champion-home-menu.png", "champion", "/", False, open_the_menu),
    ("phone-champion-record-win.png", "champion", "/wins/new/", True, None),
    ("phone-champion-self-assessment.png", "champion", "/assessments/", False, start_a_self_assessment),
    ("phone-officer-moderate-wins.png", "officer", "/wins/waiting/", True, None),
    ("phone-lsp-report.png", "lsp", "/reports/", False, "Compact report to the LSP"),
]


def main():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        shots = [(shot, 1100, 900) for shot in SHOTS] + [(shot, 375, 812) for shot in PHONE_SHOTS]
        for (filename, username, path, full_page, link), width, height in shots:
            if ONLY and filename not in ONLY:
                continue
            page = browser.new_page(base_url=BASE, viewport={"width": width, "height": height})
            page.goto("/accounts/login/")
            page.get_by_label("Username").fill(username)
            page.get_by_label("Password").fill("compact-demo")
            page.get_by_role("button", name="Sign in").click()
            page.wait_for_url(lambda url: "/accounts/login/" not in url)
            page.goto(path)
            if callable(link):
                link(page)
            elif link:
                page.locator("main").get_by_role("link", name=link).first.click()
                page.wait_for_load_state()
            if filename == "report-factors.png":  # the section a board reads first
                page.goto(page.url + "#factors")
            page.screenshot(path=OUT / filename, full_page=full_page)
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
