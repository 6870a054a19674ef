"""Deployment checks (`manage.py check --deploy`): settings that work on one process but break on several.

How many processes serve the hub is declared, not guessed: `WEB_CONCURRENCY` is the number of gunicorn workers
on this machine (gunicorn reads the same variable as its default `--workers`), `HUB_PROCESSES` the number of
app server processes in the whole deployment (all machines). With more than one:

- an in-process cache (LocMem) gives each process its own rate-limit counters, page cache and content
  generation: limits multiply by the number of processes and a publish renews the pages of one process only;
- an in-process task backend runs e-mail and indexing inside the request (immediate: a slow mail server holds
  a worker, a refused message waits for the hourly retry) or never (dummy: every e-mail lost).

The dummy task backend and the dummy cache are refused in production whatever the count: nothing would ever be
sent, and rate limits would never count.
"""

import os

from django.conf import settings
from django.core import checks

IN_PROCESS_CACHES = ("django.core.cache.backends.locmem.", "django.core.cache.backends.dummy.")
IN_PROCESS_TASKS = ("django_tasks.backends.immediate.", "django_tasks.backends.dummy.")


def declared_processes(environ=None):
    """The larger of WEB_CONCURRENCY (workers here) and HUB_PROCESSES (processes in all); 1 when unset."""
    environ = os.environ if environ is None else environ
    counts = [1]
    for name in ("WEB_CONCURRENCY", "HUB_PROCESSES"):
        value = (environ.get(name) or "").strip()
        if value.isdigit():
            counts.append(int(value))
    return max(counts)


@checks.register(checks.Tags.caches, deploy=True)
def check_shared_state(app_configs=None, **kwargs):
    processes = declared_processes()
    cache_backend = settings.CACHES["default"]["BACKEND"]
    task_backend = settings.TASKS["default"]["BACKEND"]
    errors = []
    if cache_backend.startswith("django.core.cache.backends.dummy."):
        errors.append(
            checks.Error(
                "The default cache is the dummy cache: rate limits never count and nothing is cached.",
                hint="Set CACHE_BACKEND and CACHE_LOCATION to a shared cache (Redis, Memcached or the database cache).",
                id="hub.E001",
            )
        )
    elif processes > 1 and cache_backend.startswith(IN_PROCESS_CACHES):
        errors.append(
            checks.Error(
                f"The default cache lives inside each process ({cache_backend}), but {processes} processes serve "
                "the hub: rate limits, the page cache and publishes would each hold for one process only.",
                hint="Set CACHE_BACKEND and CACHE_LOCATION to a shared cache, or WEB_CONCURRENCY/HUB_PROCESSES to 1.",
                id="hub.E002",
            )
        )
    if task_backend.startswith("django_tasks.backends.dummy."):
        errors.append(
            checks.Error(
                "The task backend is the dummy backend: e-mails and search indexing would never run.",
                hint="Set TASKS_BACKEND=django_tasks_db.DatabaseBackend and run `manage.py db_worker`.",
                id="hub.E003",
            )
        )
    elif processes > 1 and task_backend.startswith(IN_PROCESS_TASKS):
        errors.append(
            checks.Error(
                f"Tasks run inside the request ({task_backend}), but {processes} processes serve the hub: a slow "
                "or refusing mail server holds app workers and failed e-mails wait for the hourly retry.",
                hint="Set TASKS_BACKEND=django_tasks_db.DatabaseBackend and run `manage.py db_worker`.",
                id="hub.E004",
            )
        )
    return errors
