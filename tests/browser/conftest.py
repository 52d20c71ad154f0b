"""Browser tests: Playwright driving Debian's Chromium against a live server, axe-core on every page.

Every page a test visits is checked with axe-core (the WCAG 2.0, 2.1 and 2.2 A and AA rules) just before
the browser leaves it, so the page is checked as the user last saw it, and the last page when the test
ends; the test fails at the end if any page had a violation. Right after axe-core, the same page is made
320 CSS px wide (WCAG's Reflow width: a small phone, or a desktop at 400%) and the test fails if the document
is then wider than the window, naming the elements that stick out; the window is put back as it was. Without
/usr/bin/chromium the tests are skipped with the reason, except under CI (CI=1), where that is a failure.
"""

import json
import os
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
AXE_SCRIPT = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SCREENSHOTS = os.environ.get("SCREENSHOTS")  # a folder: save a picture of every page visited
REFLOW_WIDTH = 320  # WCAG 2.2 1.4.10 Reflow: no scrolling in two dimensions at 320 CSS px

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


# Whether the document is wider than the window, and if so the outermost elements that stick out past its
# right edge (those whose parent does not), so that a failure says where to look.
WIDER_THAN_WINDOW = """
() => {
  const root = document.documentElement;
  if (root.scrollWidth <= root.clientWidth) return null;
  const edge = root.clientWidth + 1;
  const name = element => element.tagName.toLowerCase() + (element.id ? "#" + element.id : "")
    + [...element.classList].slice(0, 2).map(c => "." + c).join("");
  const clipped = element => {
    for (let up = element.parentElement; up && up !== root; up = up.parentElement)
      if (getComputedStyle(up).overflowX !== "visible") return true;
    return false;
  };
  const outermost = [...document.body.querySelectorAll("*")].filter(element => element.id !== "axe-shield"
    && element.getBoundingClientRect().right > edge && element.parentElement.getBoundingClientRect().right <= edge
    && !clipped(element));
  return {width: root.scrollWidth, culprits: outermost.slice(0, 3).map(name)};
}
"""


class AxeChecker:
    """Collects what axe-core found on each page, which pages loaded, and which scroll sideways at 320 px."""

    def __init__(self):
        self.loaded = []
        self.checked = []
        self.violations = []
        self.too_wide = []

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
        self.check_reflow(source["page"], url)

    def check_reflow(self, page, url):
        """Narrow the window to 320 px, see whether the page scrolls sideways, and put the window back."""
        size = page.viewport_size
        page.set_viewport_size({"width": REFLOW_WIDTH, "height": size["height"]})
        try:
            wide = page.evaluate(WIDER_THAN_WINDOW)
            if wide and SCREENSHOTS:
                name = f"{len(self.checked):02d}-too-wide.png"
                page.screenshot(path=Path(SCREENSHOTS) / name, full_page=True)
        finally:
            page.set_viewport_size(size)
        if wide:
            self.too_wide.append(f"{url}: {wide['width']} px wide, past the edge: {', '.join(wide['culprits'])}")

    def on_console(self, page, message):
        if message.type == "error" and "Content Security Policy" in message.text:
            self.violations.append(f"{page.url}: {message.text}")

    def on_load(self, page):
        if page.url.startswith("http"):
            self.loaded.append(page.url)


def open_checked_page(browser, base_url, width=1280):
    """A new browser context and page, ``width`` CSS px wide, in which every page loaded is checked by axe-core
    and for reflow at 320 px."""
    context = browser.new_context(base_url=base_url, viewport={"width": width, "height": 900})
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


def checked_page(browser, base_url, width=1280):
    """A page as the ``page`` fixture gives it, ``width`` CSS px wide; fails the test with what the checks found."""
    page, axe = open_checked_page(browser, base_url, width)
    yield page
    close_checked_page(page)
    assert axe.loaded, "No page was loaded"
    assert len(axe.checked) == len(axe.loaded), (
        f"Pages left before axe-core checked them: {axe.loaded} vs {axe.checked}"
    )
    assert not axe.violations, "Accessibility violations:\n" + "\n".join(axe.violations)
    assert not axe.too_wide, f"Pages that scroll sideways at {REFLOW_WIDTH} px:\n" + "\n".join(axe.too_wide)


@pytest.fixture
def page(browser, live_server):
    yield from checked_page(browser, live_server.url)


@pytest.fixture
def phone(browser, live_server):
    """A page on a phone: 375 CSS px wide (axe-core's target-size rule then checks touch targets at that width)."""
    yield from checked_page(browser, live_server.url, width=375)


@pytest.fixture
def narrowest(browser, live_server):
    """A page 320 CSS px wide, WCAG's Reflow width, from the start."""
    yield from checked_page(browser, live_server.url, width=REFLOW_WIDTH)


def settle(page):
    """Wait until axe-core has checked the page on screen (clicks wait by themselves; goto does not)."""
    if page.url.startswith("http"):
        page.wait_for_function("() => window.axeDone === true")


def visit(page, path):
    """Go to ``path`` once the page on screen has been checked."""
    settle(page)
    page.goto(path)


def sign_out(page):
    page.locator("header").get_by_role("button", name="Sign out").click()
    page.wait_for_url(lambda url: "/accounts/login/" in url)


def log_in(page, username, password="compact-demo"):
    visit(page, "/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
