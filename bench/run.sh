#!/usr/bin/env bash
# Benchmarks of the hub's pages: one command, prints tables, never passes or fails.
#
#   bash bench/run.sh                 # fresh database hub_bench with the full demo content, then bench/pages.py
#   BENCH_DB=hub_bench HUB_DEMO_APPS=hub bash bench/run.sh --mixed 10000 --workers 2
#   BENCH_KEEP_DB=1 bash bench/run.sh --stories 30 --requests 20 --mixed 200 --reg-count 20 --reg-capacity 5  # quick
#
# Tables: server time per page type (story index filled to --stories 500 by bench/content.py), throughput vs a
# static file, RSS per gunicorn worker after --mixed requests + the OpenSearch heap, registration under load
# (bench/registration_load.py: --reg-count 300 people, --reg-threads 32 at once, --reg-capacity 50 seats).
#
#   BENCH_KEEP_DB=1 bash bench/run.sh --cache-hit-rate   # page-cache hit rate while an editor publishes once a minute
#
# Extra arguments go to bench/pages.py (see `python bench/pages.py --help`). BENCH_KEEP_DB=1 reuses the database.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/postgres.sh >/dev/null
db="${BENCH_DB:-hub_bench}"
export DATABASE_URL="postgres:///$db"
export DJANGO_SETTINGS_MODULE=hub.settings.production
export SECRET_KEY="${SECRET_KEY:-bench-$(head -c 24 /dev/urandom | base64 | tr -d '/+=')}"
export ALLOWED_HOSTS="bench.samskaping.test,127.0.0.1,localhost" SECURE_SSL_REDIRECT=false LOG_LEVEL=ERROR
export TASKS_BACKEND=django_tasks.backends.immediate.ImmediateBackend
# A shared cache, as production has one (docs/deploy.*.md): the database cache needs no extra service.
export CACHE_BACKEND="${CACHE_BACKEND:-django.core.cache.backends.db.DatabaseCache}" CACHE_LOCATION="${CACHE_LOCATION:-hub_cache}"
export EMAIL_BACKEND="${EMAIL_BACKEND:-django.core.mail.backends.dummy.EmailBackend}"
export STATIC_ROOT="${STATIC_ROOT:-$PWD/var/bench-static}"
unset DJANGO_ALLOW_ASYNC_UNSAFE
PY=.venv/bin/python
if [ -z "${BENCH_KEEP_DB:-}" ] || ! psql -Atq -d postgres -c "select 1 from pg_database where datname='$db'" | grep -q 1; then
  dropdb --if-exists "$db" && createdb "$db"
  $PY manage.py migrate --noinput -v0
  $PY manage.py createcachetable  # publishing the demo reads and renews the shared cache
  $PY manage.py load_demo --no-admin -v0 ${HUB_DEMO_APPS:+--only "$HUB_DEMO_APPS"}
fi
$PY manage.py migrate --noinput -v0  # a kept database gets this checkout's migrations
$PY manage.py createcachetable
$PY manage.py collectstatic --noinput -v0
if [ "${1:-}" = "--cache-hit-rate" ]; then shift; exec $PY bench/cache_hit_rate.py "$@"; fi  # bench/cache_hit_rate.py
exec $PY bench/pages.py "$@"
