"""Production mode (real gunicorn, COMPACT_ENV=production, SECURE_SSL_REDIRECT on, behind a proxy that says
``X-Forwarded-Proto: https``): a public page served from the cache still goes through the https redirect, the
host check and the conditional GET, and a browser's copy of a page that has changed is never confirmed.

One gunicorn for the module; each test leaves the data as it found it.
"""

import pytest

PUBLIC_PAGES = ("/", "/public/wins/", "/public/register/")


def cache(world, path):
    """Ask twice over https: the second answer comes from the cache."""
    first, second = world.site.get(path), world.site.get(path)
    assert first.status == second.status == 200, path
    assert world.redis.keys("*cache_page*"), "the public pages should be cached in Redis"
    return second


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_a_cached_public_page_asked_for_over_plain_http_is_redirected_to_https(module_world, path):
    page = cache(module_world, path)
    assert "strict-transport-security" in page.headers
    plain = module_world.site.get(path, https=False)
    assert plain.status == 301
    assert plain.header("Location") == f"https://127.0.0.1:{module_world.site.port}{path}"
    assert module_world.seed["kept_win"]["title"] not in plain.body


@pytest.mark.parametrize("https", [True, False], ids=["https", "http"])
@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_a_foreign_host_gets_400_even_for_a_cached_public_page(module_world, path, https):
    cache(module_world, path)
    for host in ("evil.example", f"evil.example:{module_world.site.port}"):
        answer = module_world.site.get(path, host=host, https=https)
        assert answer.status == 400, (host, answer.status)
        assert module_world.seed["kept_win"]["title"] not in answer.body
        assert "evil.example" not in (answer.header("Location") or "")


@pytest.mark.parametrize("path", PUBLIC_PAGES + ("/public/wins/{kept}/",))
def test_public_pages_must_be_checked_again_and_answer_304_to_their_own_etag(module_world, path):
    path = path.format(kept=module_world.seed["kept_win"]["id"])
    page = cache(module_world, path)
    assert "no-cache" in page.header("Cache-Control")
    assert "max-age" not in page.header("Cache-Control") and "expires" not in page.headers
    etag = page.header("ETag")
    assert etag
    again = module_world.site.get(path, headers={"If-None-Match": etag})
    assert again.status == 304 and again.body == ""
    assert module_world.site.get(path, headers={"If-None-Match": '"something-else"'}).status == 200


def test_after_a_win_is_hidden_the_old_etag_gets_the_new_page_not_a_304(module_world):
    site, win = module_world.site, module_world.seed["hidden_win"]
    pages = ("/", "/public/wins/", f"/public/wins/{win['id']}/")
    etags = {}
    for path in pages:
        page = cache(module_world, path)
        assert win["title"] in page.body
        etags[path] = page.header("ETag")
        assert site.get(path, headers={"If-None-Match": etags[path]}).status == 304

    module_world.control("show_win", win=win["id"], show=False)
    try:
        for path in pages[:2]:
            answer = site.get(path, headers={"If-None-Match": etags[path]})
            assert answer.status == 200, f"{path}: the browser's copy showing the hidden win was confirmed"
            assert win["title"] not in answer.body
            assert answer.header("ETag") and answer.header("ETag") != etags[path]
        gone = site.get(pages[2], headers={"If-None-Match": etags[pages[2]]})
        assert gone.status == 404, f"the hidden win's own page answered {gone.status}"
    finally:
        module_world.control("show_win", win=win["id"], show=True)
