#!/usr/bin/env bash
# Extract UI strings into locale/{nb,nn,en} (then translate the .po files) or compile them.
set -euo pipefail
cd "$(dirname "$0")/.."
export DJANGO_SETTINGS_MODULE=hub.settings.i18n PYTHONPATH=.
case "${1:-make}" in
  make)
    for domain in django djangojs; do
      .venv/bin/django-admin makemessages -d "$domain" -l nb -l nn -l en --no-obsolete --no-wrap \
        --ignore=.venv --ignore=node_modules --ignore=tests --ignore=bench --ignore=var --ignore=tools >/dev/null
    done ;;
  compile)
    .venv/bin/django-admin compilemessages --ignore=.venv --ignore=node_modules >/dev/null ;;
esac
