"""Health of an app server, in two answers.

`/healthz` (public, liveness): the process answers requests. Plain `ok`, no I/O, nothing named — no versions,
no component names — so it is cheap to probe every second and tells a stranger nothing.

`/healthz/ready` (operators, readiness): checks the database, the search backend, the shared cache and the task
queue; JSON with one entry per dependency, 200 when all are up, 503 otherwise (load balancers take the node out).
Only for a signed-in staff user or a request carrying `Authorization: Bearer <HEALTH_TOKEN>`; anyone else gets
the same 404 as for any unknown address. Error details go to the log, not to the response.
"""

import hmac
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import Http404, HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger("infrastructure.health")


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return connection.vendor


def check_search():
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend("public")  # the index the public search reads (hub/settings/search.py)
    client = getattr(backend, "es", None)
    if client is not None:  # OpenSearch / Elasticsearch
        if not client.ping():
            raise ConnectionError("search engine did not answer ping")
        return type(backend).__module__
    list(backend.search("healthz", Page.objects.live())[:1])  # database backend: one tiny query
    return type(backend).__module__


def check_cache():
    key = "hub:healthz"
    value = str(time.time())
    cache.set(key, value, 30)
    if cache.get(key) != value:
        raise RuntimeError("cache did not return the value just set")
    return settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]


def check_tasks():
    backend_path = settings.TASKS["default"]["BACKEND"]
    if "django_tasks_db" not in backend_path:
        return backend_path.rsplit(".", 1)[-1]
    from django_tasks_db.models import DBTaskResult

    max_age = int(getattr(settings, "HUB_HEALTH_TASK_MAX_AGE", 900))
    oldest = DBTaskResult.objects.ready().order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    if oldest is not None and (timezone.now() - oldest).total_seconds() > max_age:
        raise RuntimeError(f"tasks waiting longer than {max_age} s: is `manage.py db_worker` running?")
    return "database queue"


CHECKS = {"database": check_database, "search": check_search, "cache": check_cache, "tasks": check_tasks}


def run_checks():
    results = {}
    for name, check in CHECKS.items():
        started = time.perf_counter()
        try:
            detail = check()
            results[name] = {"ok": True, "detail": detail}
        except Exception as exc:  # report every failure, keep checking the others
            logger.error("health check %s failed: %s", name, exc, exc_info=True)
            results[name] = {"ok": False, "detail": type(exc).__name__}
        results[name]["ms"] = round((time.perf_counter() - started) * 1000, 1)
    return results


def is_operator(request):
    """A staff user's session, or the readiness token from the environment (compared in constant time)."""
    user = getattr(request, "user", None)
    if user is not None and user.is_active and (user.is_staff or user.is_superuser):
        return True
    token = getattr(settings, "HUB_HEALTH_TOKEN", "")
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    return bool(token) and scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode())


@never_cache
@require_GET
def healthz(request):
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")


@never_cache
@require_GET
def readiness(request):
    if not is_operator(request):
        raise Http404
    results = run_checks()
    ok = all(r["ok"] for r in results.values())
    return JsonResponse({"status": "ok" if ok else "error", "checks": results}, status=200 if ok else 503)
