#!/usr/bin/env bash
# Run the hub on one machine: SQLite, database search, console e-mail. Demo content and an admin user included.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
export DJANGO_SETTINGS_MODULE=hub.settings.dev
PY=.venv/bin/python
$PY manage.py migrate --noinput -v0
$PY manage.py compilemessages -v0 --ignore=.venv --ignore=node_modules >/dev/null 2>&1 || true
$PY manage.py load_demo --admin-user "${HUB_ADMIN_USER:-admin}" --admin-password "${HUB_ADMIN_PASSWORD:-samskaping}" -v0
cat <<MSG

  Samskapingshuben runs at http://127.0.0.1:${PORT:-8000}/
  Admin:  http://127.0.0.1:${PORT:-8000}/admin/
  Login:  user "${HUB_ADMIN_USER:-admin}", password "${HUB_ADMIN_PASSWORD:-samskaping}" (development only)

MSG
exec $PY manage.py runserver "127.0.0.1:${PORT:-8000}"
