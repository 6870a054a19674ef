"""/healthz: JSON with one entry per dependency; 503 when one is down (no mocks: a real unreachable engine)."""

import pytest

pytestmark = pytest.mark.django_db


def test_healthz_reports_every_dependency_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "ok"
    assert set(data["checks"]) == {"database", "search", "cache", "tasks"}
    assert all(check["ok"] for check in data["checks"].values())
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_when_search_engine_is_unreachable(client, settings):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "modelsearch.backends.opensearch2", "URLS": ["http://127.0.0.1:9"], "TIMEOUT": 1}
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    data = response.json()
    assert data["status"] == "error"
    assert data["checks"]["search"]["ok"] is False and data["checks"]["database"]["ok"] is True
    assert "127.0.0.1" not in response.content.decode()  # no infrastructure details to the public


def test_healthz_answers_503_when_tasks_wait_for_a_worker_too_long(client, settings):
    from datetime import timedelta

    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.HUB_HEALTH_TASK_MAX_AGE = 60
    task = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}}, task_path="hub.mail.x", backend_name="default", run_after=timezone.now()
    )
    DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=timezone.now() - timedelta(minutes=5))
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["tasks"]["ok"] is False


def test_healthz_is_reachable_over_plain_http_in_production(settings, client):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    assert client.get("/healthz").status_code == 200
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
