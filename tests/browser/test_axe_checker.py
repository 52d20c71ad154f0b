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


def test_a_page_wider_than_320_px_fails_the_reflow_check_and_the_window_is_put_back(browser):
    page, axe = open_checked_page(browser, "http://compact.test")
    wide = """<!DOCTYPE html><html lang="en"><head><title>Wide</title>
    <meta name="viewport" content="width=device-width, initial-scale=1"></head>
    <body><main><h1>Wide page</h1><p>Fits.</p><table><caption>Wide</caption><tr><th>%s</th></tr></table></main></body></html>"""
    pages = {"/wide/": wide % ("A" * 80), "/narrow/": wide % "A few short words"}
    page.route(
        "http://compact.test/**",
        lambda route: route.fulfill(body=pages[route.request.url.split("compact.test")[1]], content_type="text/html"),
    )

    page.goto("/wide/")
    page.wait_for_function("() => window.axeDone === true")
    page.goto("/narrow/")
    page.wait_for_function("() => window.axeDone === true")
    assert page.viewport_size == {"width": 1280, "height": 900}
    close_checked_page(page)

    assert axe.checked == ["http://compact.test/wide/", "http://compact.test/narrow/"]
    assert len(axe.too_wide) == 1
    assert axe.too_wide[0].startswith("http://compact.test/wide/: ")
    assert "past the edge: table" in axe.too_wide[0]
