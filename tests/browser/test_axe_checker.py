"""The accessibility check itself: it must catch a real violation, or every other browser test proves nothing."""

from tests.browser.conftest import close_checked_page, open_checked_page

BAD_PAGE = """<!DOCTYPE html><html><head><title>Bad</title></head>
<body><main><h1>Bad page</h1><img src="/x.png"><input type="text"></main></body></html>"""


def test_axe_reports_a_missing_alt_text_and_an_unlabelled_field(browser):
    page, axe = open_checked_page(browser, "http://compact.test")
    page.route("http://compact.test/**", lambda route: route.fulfill(body=BAD_PAGE, content_type="text/html"))

    page.goto("/bad/")
    close_checked_page(page)

    assert axe.loaded == ["http://compact.test/bad/"]
    assert axe.checked == ["http://compact.test/bad/"]
    found = "\n".join(axe.violations)
    assert "image-alt" in found
    assert "label" in found


def test_inline_code_blocked_by_the_content_security_policy_fails_the_check(browser):
    page, axe = open_checked_page(browser, "http://compact.test")
    bad = BAD_PAGE.replace("<h1>", '<h1 style="color: red">')
    page.route(
        "http://compact.test/**",
        lambda route: route.fulfill(
            body=bad, content_type="text/html", headers={"Content-Security-Policy": "style-src 'self'"}
        ),
    )

    page.goto("/inline/")
    close_checked_page(page)

    assert any("Content Security Policy" in violation for violation in axe.violations)
