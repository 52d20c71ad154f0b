"""Take the README's screenshots from a running demo site (`make run` in another terminal).

.venv/bin/python docs/take_screenshots.py [http://127.0.0.1:8000]
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
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
]


def main():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for filename, username, path, full_page, link in SHOTS:
            page = browser.new_page(base_url=BASE, viewport={"width": 1100, "height": 900})
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
