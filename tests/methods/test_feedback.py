"""Feedback on a method: validation, honeypot, rate limit, and nothing of it shown to the public."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import translation

from methods.models import MethodFeedback, MethodPage
from tests.helpers import ui

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def method():
    return MethodPage.objects.get(slug="idemyldring", locale__language_code="nb")


def feedback_url(page):
    """The form's action on the page (its own URL, in the page's language)."""
    with translation.override(page.locale.language_code):
        return reverse("methods:feedback", args=[page.pk])


def post(client, page, ip="10.0.0.1", **data):
    return client.post(feedback_url(page), data, REMOTE_ADDR=ip)


def test_valid_feedback_is_stored_and_redirects_to_thanks(client, method):
    response = post(client, method, rating="4", comment="Fungerte fint med ungdommer.", role="library")
    assert response.status_code == 302
    assert response["Location"] == method.url + "?tilbakemelding=takk#tilbakemelding"
    item = MethodFeedback.objects.get()
    assert (item.method_id, item.rating, item.comment, item.role, item.language) == (
        method.pk,
        4,
        "Fungerte fint med ungdommer.",
        "library",
        "nb",
    )
    thank_you = ui("Thank you! Your feedback helps us improve the starter pack.")
    assert thank_you in client.get(response["Location"]).content.decode()
    assert thank_you not in client.get(method.url).content.decode()


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
    assert (
        f'aria-describedby="id_{field}_error"' in html or f'aria-describedby="id_{field}_help id_{field}_error"' in html
    )
    assert MethodFeedback.objects.count() == 0


def test_filled_honeypot_is_thanked_but_not_stored(client, method):
    response = post(client, method, rating="5", comment="Kjøp billige klokker", website_url="http://spam.example")
    assert response.status_code == 302
    assert response["Location"] == method.url + "?tilbakemelding=takk#tilbakemelding"  # a bot learns nothing
    assert MethodFeedback.objects.count() == 0


def test_rate_limit_per_client_refuses_the_sixth_answer_within_an_hour(client, method):
    for _ in range(5):
        assert post(client, method, rating="3").status_code == 302
    refused = post(client, method, rating="3")
    assert refused.status_code == 429
    assert ui("You have sent a lot of feedback in a short time. Please try again later.") in refused.content.decode()
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
    sent = post(client, method, rating="2", comment="Hemmelig kommentar 4711")
    assert sent.status_code == 302
    assert MethodFeedback.objects.get().comment == "Hemmelig kommentar 4711"  # stored, for the editors only
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


def test_the_form_posts_to_its_own_url_in_the_pages_language(client, method):
    html = client.get(method.url).content.decode()
    assert f'action="{feedback_url(method)}#tilbakemelding"' in html


def test_method_page_holds_no_per_visitor_token_so_caches_can_share_it(client, method):
    response = client.get(method.url)
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert "csrftoken" not in response.cookies


def test_cross_site_feedback_posts_are_refused(method):
    url = feedback_url(method)
    forged = Client(enforce_csrf_checks=True)
    assert forged.post(url, {"rating": "5"}, HTTP_ORIGIN="https://evil.example").status_code == 403
    assert forged.post(url, {"rating": "5"}, HTTP_SEC_FETCH_SITE="cross-site").status_code == 403
    assert forged.post(url, {"rating": "5"}, HTTP_REFERER="https://evil.example/side").status_code == 403
    assert not MethodFeedback.objects.exists()
    same_site = forged.post(url, {"rating": "5"}, HTTP_ORIGIN="http://testserver", HTTP_SEC_FETCH_SITE="same-origin")
    assert same_site.status_code == 302 and MethodFeedback.objects.count() == 1


def test_signed_in_visitor_sends_feedback_from_the_shared_page_without_a_token(method, django_user_model):
    """An editor reading the public site gets the same cached page as everyone: no token, and none needed."""
    user = django_user_model.objects.create_user("signed-in", "s@example.com", "pw")
    signed_in = Client(enforce_csrf_checks=True)
    signed_in.force_login(user)
    assert "csrfmiddlewaretoken" not in signed_in.get(method.url).content.decode()
    url = feedback_url(method)
    forged = signed_in.post(url, {"rating": "4"}, HTTP_ORIGIN="https://evil.example")
    assert forged.status_code == 403 and not MethodFeedback.objects.exists()
    ok = signed_in.post(url, {"rating": "4"}, HTTP_ORIGIN="http://testserver", HTTP_SEC_FETCH_SITE="same-origin")
    assert ok.status_code == 302 and MethodFeedback.objects.count() == 1


def test_feedback_for_a_page_that_is_not_live_is_404(client, method):
    method.unpublish()
    assert post(client, method, rating="4").status_code == 404
    assert not MethodFeedback.objects.exists()


def test_method_page_is_served_from_the_page_cache_on_the_second_view(client, method, settings):
    settings.HUB_PAGE_CACHE_SECONDS, settings.HUB_FRONTEND_MAX_AGE = 300, 120
    cache.clear()
    assert client.get(method.url)["X-Hub-Page-Cache"] == "miss"
    second = client.get(method.url)
    assert second["X-Hub-Page-Cache"] == "hit" and 'id="tilbakemelding"' in second.content.decode()
