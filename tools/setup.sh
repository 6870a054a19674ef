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
uv sync --frozen --quiet --python "$PYTHON_VERSION" "$@"

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
