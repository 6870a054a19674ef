#!/usr/bin/env bash
# Restore a backup made by tools/backup.sh into the database DATABASE_URL and MEDIA_ROOT.
#
#   DATABASE_URL=postgres:///samskaping MEDIA_ROOT=/srv/hub/media bash tools/restore.sh BACKUP_DIR
#
# Replaces what is there: every table in the dump is dropped and recreated (one transaction: on error nothing
# changes), the media directory is emptied and unpacked. Stop the app servers and the task worker first; run
# `manage.py migrate` afterwards if the code is newer than the backup, and clear the shared cache
# (`manage.py shell -c "from django.core.cache import cache; cache.clear()"`) and nginx's cache directory.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?DATABASE_URL is required (postgres://...)}"
src="${1:?usage: restore.sh BACKUP_DIR}"
media="${MEDIA_ROOT:-var/media}"
[ -f "$src/db.dump" ] && [ -f "$src/media.tar.gz" ] || { echo "not a backup directory: $src" >&2; exit 1; }
if [ -f "$src/manifest.txt" ]; then
  (cd "$src" && grep -E '^[0-9a-f]{64} ' manifest.txt | sha256sum --check --quiet)
fi

pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction --exit-on-error \
  --dbname="$DATABASE_URL" "$src/db.dump"
mkdir -p "$media"
find "$media" -mindepth 1 -delete
tar -xzf "$src/media.tar.gz" -C "$media"
echo "restored $src"
