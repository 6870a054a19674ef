"""/healthz: a public liveness answer that names nothing; /healthz/ready: JSON with one entry per dependency for
operators only (staff session or the HEALTH_TOKEN bearer token); 503 when one is down (no mocks: a real
unreachable engine)."""

import pytest

pytestmark = pytest.mark.django_db
TOKEN = "readiness-token-for-tests-0123456789"


@pytest.fixture
def operator(settings):
    """Headers of a load balancer that knows the readiness token."""
    settings.HUB_HEALTH_TOKEN = TOKEN
    return {"HTTP_AUTHORIZATION": f"Bearer {TOKEN}"}


def test_public_liveness_answers_without_touching_anything(client, settings, django_assert_num_queries):
    settings.WAGTAILSEARCH_BACKENDS = {  # an unreachable engine does not make a live process look dead
        "public": {"BACKEND": "modelsearch.backends.opensearch2", "URLS": ["http://127.0.0.1:9"], "TIMEOUT": 1}
    }
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n" and response["Content-Type"].startswith("text/plain")
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"HTTP_AUTHORIZATION": "Bearer wrong-token"},
        {"HTTP_AUTHORIZATION": TOKEN},
        {"HTTP_AUTHORIZATION": "Bearer "},
    ],
)
def test_readiness_is_hidden_from_the_public(client, settings, headers):
    settings.HUB_HEALTH_TOKEN = TOKEN
    response = client.get("/healthz/ready", follow=True, **headers)
    assert response.status_code == 404  # after the same language redirect as any unknown address
    unknown = client.get("/healthz/no-such-thing", follow=True)
    assert [status for _, status in response.redirect_chain] == [status for _, status in unknown.redirect_chain]
    body = response.content.decode().lower()
    assert not any(word in body for word in ("database", "postgres", "opensearch", "cache", "tasks", "checks"))


def test_readiness_needs_a_token_when_none_is_configured(client, settings):
    settings.HUB_HEALTH_TOKEN = ""
    assert client.get("/healthz/ready", follow=True, HTTP_AUTHORIZATION="Bearer ").status_code == 404


def test_readiness_is_shown_to_staff_but_not_to_editors(client, make_user, django_user_model):
    client.force_login(make_user("red-health", "Redaktør"))
    assert client.get("/healthz/ready", follow=True).status_code == 404
    client.force_login(django_user_model.objects.create_user("drift", "drift@example.com", "pw", is_staff=True))
    assert client.get("/healthz/ready").json()["status"] == "ok"


def test_healthz_reports_every_dependency_ok(client, operator):
    response = client.get("/healthz/ready", **operator)
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "ok"
    assert set(data["checks"]) == {"database", "search", "cache", "tasks"}
    assert all(check["ok"] for check in data["checks"].values())
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_when_search_engine_is_unreachable(client, settings, operator):
    settings.WAGTAILSEARCH_BACKENDS = {
        "public": {"BACKEND": "modelsearch.backends.opensearch2", "URLS": ["http://127.0.0.1:9"], "TIMEOUT": 1}
    }
    response = client.get("/healthz/ready", **operator)
    assert response.status_code == 503
    data = response.json()
    assert data["status"] == "error"
    assert data["checks"]["search"]["ok"] is False and data["checks"]["database"]["ok"] is True
    assert "127.0.0.1" not in response.content.decode()  # addresses only in the log


def test_healthz_answers_503_when_tasks_wait_for_a_worker_too_long(client, settings, operator):
    from datetime import timedelta

    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.HUB_HEALTH_TASK_MAX_AGE = 60
    task = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="infrastructure.mail.x",
        backend_name="default",
        run_after=timezone.now(),
    )
    DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=timezone.now() - timedelta(minutes=5))
    response = client.get("/healthz/ready", **operator)
    assert response.status_code == 503
    assert response.json()["checks"]["tasks"]["ok"] is False


def test_healthz_is_reachable_over_plain_http_in_production(settings, client, operator):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = [r"^healthz(/ready)?$"]  # as hub/settings/production.py
    assert client.get("/healthz").status_code == 200
    assert client.get("/healthz/ready", **operator).status_code == 200
    assert client.get("/nb/").status_code == 301


def test_json_logs_are_one_object_per_line():
    import json
    import logging

    from hub.settings.logconfig import JsonFormatter, logging_config

    assert logging_config({"LOG_FORMAT": "json"})["handlers"]["console"]["formatter"] == "json"
    record = logging.LogRecord("hub.x", logging.WARNING, __file__, 1, "registrert %s", ("kari",), None)
    record.event_id = 7
    line = JsonFormatter().format(record)
    data = json.loads(line)
    assert data["message"] == "registrert kari" and data["level"] == "WARNING" and data["event_id"] == 7
    assert "\n" not in line
