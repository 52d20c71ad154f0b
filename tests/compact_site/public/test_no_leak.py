"""Nothing private leaks: walk every public page and every API answer and look for each private thing.

The walk starts at / as a visitor who is not signed in and follows every link that stays on the public site,
plus every address in the sitemap; it must reach every public URL of the URL conf, so a new public page
cannot escape it.
"""

import json
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.urls import resolve

from tests.compact_site.public.builders import ALWAYS_PRIVATE, CHAMPION_NAME, NOT_PUBLIC, build_world
from tests.test_permissions import project_patterns

PUBLIC_PREFIXES = ("/public/", "/open-data/", "/api/docs/", "/api/v1/openapi.json", "/sitemap.xml", "/robots.txt")
API_LISTS = ["organisations", "champions", "rounds", "wins", "actions", "reports", "commitments", "boards"]


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "href" and value:
                self.hrefs.append(value)


def links_in(response):
    content_type = response["Content-Type"]
    text = response.content.decode()
    if "html" in content_type:
        parser = Links()
        parser.feed(text)
        return parser.hrefs
    if "xml" in content_type:
        return [part.split("</loc>")[0] for part in text.split("<loc>")[1:]]
    return []


def walk(client):
    """Every public address reachable from / (and the sitemap), with its answer."""
    seen, queue, pages = set(), ["/", "/sitemap.xml", "/robots.txt", "/api/v1/openapi.json"], {}
    while queue:
        url = queue.pop()
        parts = urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if path in seen or not (parts.path == "/" or parts.path.startswith(PUBLIC_PREFIXES)):
            continue
        seen.add(path)
        response = client.get(path)
        assert response.status_code == 200, f"{path} answered {response.status_code}"
        pages[path] = response
        queue.extend(links_in(response))
    return pages


def leaks(text, words):
    return [word for word in words if word.lower() in text.lower()]


@pytest.fixture
def world(compact):
    return build_world(compact)


def test_no_public_page_shows_anything_private(world, client):
    pages = walk(client)
    found = {path: leaks(response.content.decode(), ALWAYS_PRIVATE + NOT_PUBLIC) for path, response in pages.items()}
    assert {path: words for path, words in found.items() if words} == {}
    # The walk saw what is public: the public win and report, the register with its withdrawal, the scores.
    everything = " ".join(response.content.decode() for response in pages.values())
    for expected in (
        "The shared minibus",
        "A good quarter for the partnership.",
        "Riverside Food Bank",
        "Old Mill Trust",
        "2025/26",
        "Consultations last 12 weeks",
        "Anytown Borough Council",
        "Agreed Named Rep",
        "Faith Forum",
    ):
        assert expected in everything


def test_the_walk_reaches_every_public_url(world, client):
    reached = {resolve(urlsplit(path).path).view_name for path in walk(client)}
    public_names = {
        name
        for name, _, pattern in project_patterns()
        if getattr(pattern.callback, "allowed_roles", None) == "public"
        and (name.startswith("public:") or name in {"api_docs", "api:openapi-json"})
    }
    assert public_names - reached == set()


def api_answers(client, key):
    """Every page of every API list, following next_cursor."""
    answers = []
    for name in API_LISTS:
        # /rounds and /commitments fit on one page and take no limit (the API refuses a parameter it does not take)
        url = f"/api/v1/{name}" if name in ("rounds", "commitments", "boards") else f"/api/v1/{name}?limit=1"
        while url:
            response = client.get(url, HTTP_AUTHORIZATION=f"Bearer {key}")
            assert response.status_code == 200, (url, response.content)
            body = response.json()
            answers.append((url, response.content.decode()))
            url = f"/api/v1/{name}?limit=1&cursor={body['next_cursor']}" if body["next_cursor"] else None
    return answers


def test_no_api_answer_shows_anything_private(world, client):
    answers = api_answers(client, world.key)
    found = {url: leaks(text, ALWAYS_PRIVATE) for url, text in answers}
    assert {url: words for url, words in found.items() if words} == {}
    everything = " ".join(text for _, text in answers)
    # What the API is for: published wins (shown on the public site or not), the plan, every published report.
    for expected in NOT_PUBLIC + ["The shared minibus", "Consultations last 12 weeks"]:
        assert expected in everything


def test_champions_names_only_with_a_token_allowed_to_see_them(world, client, officer):
    from compact_site.api import services

    without = client.get("/api/v1/champions", HTTP_AUTHORIZATION=f"Bearer {world.key}").json()
    assert CHAMPION_NAME not in json.dumps(without)
    row = next(r for r in without["results"] if r["organisation_name"] == "Riverside Food Bank")
    assert row["active_champions"] == 2 and row["names"] is None

    _, key = services.create_token(name="Champions network", by=officer, can_see_names=True)
    allowed = client.get("/api/v1/champions", HTTP_AUTHORIZATION=f"Bearer {key}").json()
    row = next(r for r in allowed["results"] if r["organisation_name"] == "Riverside Food Bank")
    assert CHAMPION_NAME in row["names"]
    assert "zebedee.q@private.example.org" not in json.dumps(allowed)
    assert "01632 960123" not in json.dumps(allowed)


def test_representatives_names_only_with_a_token_allowed_to_see_them(world, client, officer):
    from compact_site.api import services

    without = client.get("/api/v1/boards", HTTP_AUTHORIZATION=f"Bearer {world.key}").json()
    seats = without["results"][0]["seats"]
    assert [seat["name"] for seat in seats] == [None, None, None]
    assert [seat["network"] is None for seat in seats] == [False, False, True]
    _, key = services.create_token(name="Representation", by=officer, can_see_names=True)
    allowed = client.get("/api/v1/boards", HTTP_AUTHORIZATION=f"Bearer {key}").json()
    assert "Hortensia Unnamed" in [seat["name"] for seat in allowed["results"][0]["seats"]]
    assert "hortensia@private.example.org" not in json.dumps(allowed)
