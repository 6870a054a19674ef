#!/usr/bin/env bash
# Install everything the hub needs into the project: .venv (uv, from uv.lock) and node_modules (npm, from
# package-lock.json). Idempotent and quick when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON_VERSION="${HUB_PYTHON:-3.11}"
if ! command -v uv >/dev/null 2>&1; then
  python3 -m pip install --quiet "uv==0.13.8"
fi
export UV_PYTHON_DOWNLOADS=never
# Bytecode compiled once at install: where PYTHONDONTWRITEBYTECODE is set (CI machines), every Python process
# would otherwise compile Django, Wagtail and the hub from source again (~2.5 s a process; the tests start
# dozens: gunicorn workers, runserver, task workers, manage.py commands).
uv sync --frozen --quiet --python "$PYTHON_VERSION" --compile-bytecode "$@"
.venv/bin/python -m compileall -q -j 0 manage.py hub methods stories events press search cockpit infrastructure tests bench >/dev/null

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
