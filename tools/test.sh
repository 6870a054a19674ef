#!/usr/bin/env bash
# Style first (tools/lint.sh: ruff and djhtml), then every test against real services: PostgreSQL (Debian's
# package), the OpenSearch node, Debian's chromium, nginx. Tests run in TEST_WORKERS processes (default 3: many
# tests wait on servers and browsers, so a third fills the two cores), a whole file per process (the browser and
# production tests share one server per file); the slowest files start first, so the processes finish together.
#
# What takes long on a fresh machine starts in the background as soon as it can, while the style checks, the
# package installs and the translations run: the OpenSearch node, the PostgreSQL demo template and the migrated
# SQLite file (tests/demo_database.py, tests/sqlite_database.py). The tests wait for whatever is not ready yet.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
bash tools/postgres.sh
# The search tests (tests/search/) use this node; under CI=true a missing node fails them.
export SEARCH_TEST_URL="${SEARCH_TEST_URL:-http://127.0.0.1:${OPENSEARCH_PORT:-9201}}"
export DATABASE_URL="${TEST_DATABASE_URL:-postgres:///samskaping}"
export DJANGO_SETTINGS_MODULE=hub.settings.test

background=()
trap 'for pid in "${background[@]}"; do kill "$pid" 2>/dev/null || true; done' EXIT  # lint failed: stop them
mkdir -p var/log
.venv/bin/python -m tests.demo_database >var/log/test-demo-template.log 2>&1 &
background+=($!)
if [ "$#" -eq 0 ]; then  # the whole suite; a chosen subset starts it once collected, if it needs it (conftest)
  .venv/bin/python -m tests.sqlite_database >var/log/test-sqlite.log 2>&1 &
  background+=($!)
fi
opensearch=""
if [ -f tools/opensearch/opensearch.sh ] && command -v java >/dev/null 2>&1; then
  bash tools/opensearch/opensearch.sh start >var/log/test-opensearch.log 2>&1 &
  opensearch=$!
  background+=("$opensearch")
fi

bash tools/lint.sh
packages=()
[ -x /usr/bin/chromium ] || packages+=(chromium)
# nginx: the front-end cache (tests/production/)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || packages+=(nginx)
if [ "${#packages[@]}" -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
fi
mkdir -p var/static  # WhiteNoise's STATIC_ROOT (collected only for production)
.venv/bin/python manage.py compilemessages -v0 --ignore=.venv --ignore=node_modules >/dev/null
if [ -n "$opensearch" ] && ! wait "$opensearch"; then
  cat var/log/test-opensearch.log >&2
  exit 1
fi
cat var/log/test-opensearch.log 2>/dev/null || true
exec .venv/bin/python -m pytest -n "${TEST_WORKERS:-3}" --dist loadfile --no-loadscope-reorder "$@"
