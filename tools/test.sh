#!/usr/bin/env bash
# Style first (tools/lint.sh: ruff and djhtml), then every test against real services: PostgreSQL (Debian's
# package), the OpenSearch node, Debian's chromium, nginx. Tests run in TEST_WORKERS processes (default 2), a whole
# file per process (the browser and production tests share one server per file).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
bash tools/lint.sh
bash tools/postgres.sh
if [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then  # the front-end cache (tests/production/)
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
fi
if [ -f tools/opensearch/opensearch.sh ] && command -v java >/dev/null 2>&1; then
  bash tools/opensearch/opensearch.sh start
fi
# The search tests (tests/search/) use this node; under CI=true a missing node fails them.
export SEARCH_TEST_URL="${SEARCH_TEST_URL:-http://127.0.0.1:${OPENSEARCH_PORT:-9201}}"
export DATABASE_URL="${TEST_DATABASE_URL:-postgres:///samskaping}"
export DJANGO_SETTINGS_MODULE=hub.settings.test
mkdir -p var/static  # WhiteNoise's STATIC_ROOT (collected only for production)
.venv/bin/python manage.py compilemessages -v0 --ignore=.venv --ignore=node_modules >/dev/null
exec .venv/bin/python -m pytest -n "${TEST_WORKERS:-2}" --dist loadfile "$@"
