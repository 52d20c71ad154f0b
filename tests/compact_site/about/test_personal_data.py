"""The privacy notice covers every personal field of every model: a model that gains one fails here until the
notice's list (``compact_site.about.selectors.PERSONAL_DATA``) covers it or ``NOT_PERSONAL`` says why it is not."""

import pytest
from django.conf import settings
from django.db import models
from django.test.utils import isolate_apps

from compact_site.about import selectors


def test_every_personal_field_of_every_model_is_in_the_privacy_notice():
    assert selectors.uncovered_personal_fields() == []


def test_the_notice_lists_no_field_that_does_not_exist():
    assert selectors.fields_that_do_not_exist() == []


@isolate_apps("signatories")
def test_a_model_that_gains_a_personal_field_is_caught():
    class Volunteer(models.Model):
        organisation_name = models.CharField(max_length=100)
        mobile = models.CharField(max_length=20)
        home_address = models.TextField()
        added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
        hours = models.PositiveIntegerField()

        class Meta:
            app_label = "signatories"

        def __str__(self):
            return self.organisation_name

    assert selectors.uncovered_personal_fields([Volunteer]) == [
        "signatories.Volunteer.added_by",
        "signatories.Volunteer.home_address",
        "signatories.Volunteer.mobile",
        "signatories.Volunteer.organisation_name",
    ]


@pytest.mark.django_db
def test_the_notice_shows_each_kind_with_its_fields_in_words(client):
    kinds = {kind["title"]: kind for kind in selectors.personal_data()}
    assert kinds["Compact Champions"]["fields"][:4] == ["name", "job title", "email", "phone"]
    text = client.get("/privacy/").content.decode()
    for kind in kinds.values():
        assert kind["title"] in text
