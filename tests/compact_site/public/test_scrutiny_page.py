"""The public committees page: shown only while an officer publishes it, with the recommendations and responses."""

from django.urls import reverse

from compact_site.public import services as public_services
from tests.compact_site.public.builders import build_world


def test_visitors_read_the_committees_recommendations_and_responses(compact, client):
    world = build_world(compact)
    page = client.get(reverse("public:scrutiny")).content.decode()
    assert "Overview and Scrutiny Committee" in page
    assert "Publish every grant’s rationale" in page or "Publish every grant&#x27;s rationale" in page
    assert "Partly accepted" in page and "For grants over £5,000." in page
    assert "Overdue</strong>" in page
    assert world.officer.get_full_name() not in page
    assert reverse("public:scrutiny") in client.get(reverse("public:sitemap")).content.decode()


def test_the_page_is_not_found_until_published(compact, client):
    world = build_world(compact)
    public_services.update_site_settings(by=world.officer, is_on=True, publish_scores=True, publish_scrutiny=False)
    assert client.get(reverse("public:scrutiny")).status_code == 404
    assert reverse("public:scrutiny") not in client.get(reverse("public:sitemap")).content.decode()
