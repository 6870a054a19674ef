#!/usr/bin/env bash
# Run every test against real services: PostgreSQL (Debian's package), the OpenSearch node, Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
bash tools/postgres.sh
if [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then  # the front-end cache (tests/test_production_multinode.py)
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
fi
if [ -f tools/opensearch/opensearch.sh ] && command -v java >/dev/null 2>&1; then
  bash tools/opensearch/opensearch.sh start
fi
# The search tests (tests/test_search_opensearch.py) use this node; under CI=true a missing node fails them.
export SEARCH_TEST_URL="${SEARCH_TEST_URL:-http://127.0.0.1:${OPENSEARCH_PORT:-9201}}"
export DATABASE_URL="${TEST_DATABASE_URL:-postgres:///samskaping}"
export DJANGO_SETTINGS_MODULE=hub.settings.test
mkdir -p var/static  # WhiteNoise's STATIC_ROOT (collected only for production)
.venv/bin/python manage.py compilemessages -v0 --ignore=.venv --ignore=node_modules >/dev/null
exec .venv/bin/python -m pytest "$@"
