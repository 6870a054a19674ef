#!/usr/bin/env bash
# One style, enforced: ruff (lint and format) over the Python, djhtml over the templates. Fails on any finding;
# run `.venv/bin/ruff check --fix . && .venv/bin/ruff format . && .venv/bin/djhtml templates` to fix.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/ruff check --no-fix .
.venv/bin/ruff format --check .
.venv/bin/djhtml --check $(git ls-files 'templates/*.html' 'templates/**/*.html' 2>/dev/null || find templates -name '*.html')
