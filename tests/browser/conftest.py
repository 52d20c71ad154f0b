"""Browser tests: Playwright driving Debian's Chromium against a live server, axe-core on every page.

Every page a test visits is checked with axe-core (the WCAG 2.0, 2.1 and 2.2 A and AA rules) just before
the browser leaves it, so the page is checked as the user last saw it, and the last page when the test
ends; the test fails at the end if any page had a violation. Without /usr/bin/chromium the tests are
skipped with the reason, except under CI (CI=1), where that is a failure.
"""

import json
import os
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
AXE_SCRIPT = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SCREENSHOTS = os.environ.get("SCREENSHOTS")  # a folder: save a picture of every page visited

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not os.access(CHROMIUM, os.X_OK):
        message = f"{CHROMIUM} is missing: install Debian's chromium package to run the browser tests"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


# Runs in every page: when it has loaded, axe-core checks it while a clear shield over the page keeps
# Playwright's clicks waiting (they wait for their target to receive the pointer), then reports to Python.
AXE_INIT = """
(() => {
  if (window.top !== window || !location.protocol.startsWith("http")) return;
  window.addEventListener("load", () => {
    const shield = document.createElement("div");
    shield.id = "axe-shield";
    shield.style.cssText = "position:fixed;inset:0;z-index:2147483647";
    document.body.appendChild(shield);
    axe.run({exclude: [["#axe-shield"]]}, {runOnly: {type: "tag", values: %(tags)s}})
      .then(result => result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                                   targets: v.nodes.slice(0, 5).map(n => n.target)})))
      .catch(error => [{id: "axe-error", impact: "", help: String(error), targets: []}])
      .then(violations => window.reportAxe(location.href, violations))
      .finally(() => { shield.remove(); window.axeDone = true; });
  });
})();
"""


class AxeChecker:
    """Collects what axe-core found on each page, and which pages loaded."""

    def __init__(self):
        self.loaded = []
        self.checked = []
        self.violations = []

    def report(self, source, url, violations):
        self.checked.append(url)
        for violation in violations:
            self.violations.append(
                f"{url}: {violation['id']} ({violation['impact']}) {violation['help']} at {violation['targets']}"
            )
        if SCREENSHOTS:
            Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
            name = url.split("://", 1)[1].split("/", 1)[1].split("?")[0].strip("/").replace("/", "_") or "home"
            source["page"].screenshot(
                path=Path(SCREENSHOTS) / f"{len(self.checked):02d}-{name[:60]}.png", full_page=True
            )

    def on_console(self, page, message):
        if message.type == "error" and "Content Security Policy" in message.text:
            self.violations.append(f"{page.url}: {message.text}")

    def on_load(self, page):
        if page.url.startswith("http"):
            self.loaded.append(page.url)


def open_checked_page(browser, base_url):
    """A new browser context and page in which every page loaded is checked by axe-core."""
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    axe = AxeChecker()
    context.expose_binding("reportAxe", axe.report)
    context.add_init_script(AXE_SCRIPT.read_text() + AXE_INIT % {"tags": json.dumps(AXE_TAGS)})
    page = context.new_page()
    page.on("load", axe.on_load)
    # Anything the Content-Security-Policy blocked, and any script error, fails the test too.
    page.on("console", lambda message: axe.on_console(page, message))
    page.on("pageerror", lambda error: axe.violations.append(f"{page.url}: script error {error}"))
    return page, axe


def close_checked_page(page):
    """Wait for the last page's check, then close the context."""
    settle(page)
    page.context.close()


@pytest.fixture
def page(browser, live_server):
    page, axe = open_checked_page(browser, live_server.url)
    yield page
    close_checked_page(page)
    assert axe.loaded, "No page was loaded"
    assert len(axe.checked) == len(axe.loaded), (
        f"Pages left before axe-core checked them: {axe.loaded} vs {axe.checked}"
    )
    assert not axe.violations, "Accessibility violations:\n" + "\n".join(axe.violations)


def reseed():
    """Put back what the data migrations create (roles, the seven factors, the commitments) if a flush removed it.

    Browser tests run in transactional tests, which empty the tables afterwards; serialized rollback
    should restore the migrations' rows, but does not always under pytest-xdist, so make sure.
    """
    from importlib import import_module

    from django.apps import apps

    import_module("signatories.migrations.0002_roles").create_roles(apps, None)
    import_module("success_factors.migrations.0002_seed_factors").seed(apps, None)
    if not apps.get_model("commitments", "Commitment").objects.exists():  # its seed is not safe to run twice
        import_module("commitments.migrations.0002_seed_commitments").seed(apps, None)


@pytest.fixture
def demo(transactional_db):
    """The Northbrook demo, as `make run` loads it."""
    from compact_site import demo as demo_module

    reseed()
    return demo_module.load()


def settle(page):
    """Wait until axe-core has checked the page on screen (clicks wait by themselves; goto does not)."""
    if page.url.startswith("http"):
        page.wait_for_function("() => window.axeDone === true")


def visit(page, path):
    """Go to ``path`` once the page on screen has been checked."""
    settle(page)
    page.goto(path)


def log_in(page, username, password="compact-demo"):
    visit(page, "/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
