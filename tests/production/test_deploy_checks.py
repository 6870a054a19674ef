"""`manage.py check --deploy` refuses settings that hold on one process but break on several: an in-process cache
or task backend while more than one process serves the hub, and the dummy cache or task backend at any count."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SHARED = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "hub_cache"}}
DUMMY = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def deploy_errors(settings, monkeypatch, caches, tasks, workers=None):
    settings.CACHES, settings.TASKS = caches, tasks
    monkeypatch.delenv("HUB_PROCESSES", raising=False)
    if workers is None:
        monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
    else:
        monkeypatch.setenv("WEB_CONCURRENCY", str(workers))
    try:
        call_command("check", "--deploy", "--tag", "caches", "--fail-level", "ERROR", stdout=open("/dev/null", "w"))
    except SystemCheckError as error:
        return sorted(set(code for code in ("hub.E001", "hub.E002", "hub.E003", "hub.E004") if code in str(error)))
    return []


def test_one_process_may_keep_its_cache_and_tasks_in_process(settings, monkeypatch):
    assert deploy_errors(settings, monkeypatch, LOCMEM, IMMEDIATE) == []


def test_several_workers_need_a_shared_cache_and_a_task_queue(settings, monkeypatch):
    assert deploy_errors(settings, monkeypatch, LOCMEM, IMMEDIATE, workers=2) == ["hub.E002", "hub.E004"]
    assert deploy_errors(settings, monkeypatch, SHARED, QUEUE, workers=4) == []


def test_dummy_backends_are_refused_at_any_count(settings, monkeypatch):
    dummy_tasks = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    assert deploy_errors(settings, monkeypatch, DUMMY, dummy_tasks) == ["hub.E001", "hub.E003"]


@pytest.mark.parametrize("value", ["", "abc", "-3"])
def test_an_unreadable_process_count_counts_as_one(settings, monkeypatch, value):
    monkeypatch.setenv("WEB_CONCURRENCY", value)
    from infrastructure.checks import declared_processes

    assert declared_processes() == 1
