"""Feedback on a method: validation, honeypot, rate limit, and nothing of it shown to the public."""

import pytest
from django.core.cache import cache

from methods.models import MethodFeedback, MethodPage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def method():
    return MethodPage.objects.get(slug="idemyldring", locale__language_code="nb")


def post(client, page, ip="10.0.0.1", **data):
    return client.post(page.url, data, REMOTE_ADDR=ip)


def test_valid_feedback_is_stored_and_redirects_to_thanks(client, method):
    response = post(client, method, rating="4", comment="Fungerte fint med ungdommer.", role="library")
    assert response.status_code == 302
    assert response["Location"] == method.url + "?tilbakemelding=takk#tilbakemelding"
    item = MethodFeedback.objects.get()
    assert (item.method_id, item.rating, item.comment, item.role, item.language) == (
        method.pk, 4, "Fungerte fint med ungdommer.", "library", "nb"
    )
    thanks = client.get(response["Location"]).content.decode()
    assert "Takk" in thanks or "Thank you" in thanks


def test_only_the_rating_is_required(client, method):
    assert post(client, method, rating="1").status_code == 302
    assert MethodFeedback.objects.get().comment == ""


@pytest.mark.parametrize(
    "data, field",
    [
        ({}, "rating"),
        ({"rating": "0"}, "rating"),
        ({"rating": "6"}, "rating"),
        ({"rating": "fire"}, "rating"),
        ({"rating": "3", "comment": "x" * 2001}, "comment"),
        ({"rating": "3", "role": "president"}, "role"),
    ],
)
def test_bad_input_re_renders_with_linked_errors_and_saves_nothing(client, method, data, field):
    response = post(client, method, **data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "ds-error-summary" in html
    assert f'id="id_{field}_error"' in html
    assert f'aria-describedby="id_{field}_error"' in html or f'aria-describedby="id_{field}_help id_{field}_error"' in html
    assert MethodFeedback.objects.count() == 0


def test_filled_honeypot_is_thanked_but_not_stored(client, method):
    response = post(client, method, rating="5", comment="Kjøp billige klokker", website_url="http://spam.example")
    assert response.status_code == 302
    assert MethodFeedback.objects.count() == 0


def test_rate_limit_per_client_refuses_the_sixth_answer_within_an_hour(client, method):
    for _ in range(5):
        assert post(client, method, rating="3").status_code == 302
    refused = post(client, method, rating="3")
    assert refused.status_code == 429
    assert "prøv igjen senere" in refused.content.decode().lower() or "try again later" in refused.content.decode()
    assert MethodFeedback.objects.count() == 5
    # Another client is not affected.
    assert post(client, method, ip="10.0.0.2", rating="3").status_code == 302
    assert MethodFeedback.objects.count() == 6


def test_feedback_on_a_translation_counts_for_the_bokmal_method(client, method):
    nn = method.get_translation(method.locale.__class__.objects.get(language_code="nn"))
    assert post(client, nn, rating="5").status_code == 302
    item = MethodFeedback.objects.get()
    assert item.method_id == method.pk and item.language == "nn"


def test_the_public_never_sees_raw_feedback(client, method):
    post(client, method, rating="2", comment="Hemmelig kommentar 4711")
    assert "Hemmelig kommentar 4711" not in client.get(method.url).content.decode()
    api = client.get(f"/api/v2/pages/{method.pk}/").content.decode()
    assert "Hemmelig kommentar 4711" not in api


def test_every_method_page_has_the_form_with_labels(client, method):
    html = client.get(method.url).content.decode()
    assert 'id="tilbakemelding"' in html
    for i in range(5):
        assert f'for="id_rating_{i}"' in html
    assert 'for="id_comment"' in html and 'for="id_role"' in html
    assert 'name="website_url"' in html
