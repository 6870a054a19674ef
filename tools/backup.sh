#!/usr/bin/env bash
# Back up the hub: the PostgreSQL database (pg_dump, custom format) and the media files (tar).
#
#   DATABASE_URL=postgres:///samskaping MEDIA_ROOT=/srv/hub/media bash tools/backup.sh [DEST_DIR]
#
# Writes DEST_DIR (default var/backups/<UTC timestamp>) with db.dump, media.tar.gz and manifest.txt, and prints
# the directory. Media on S3-compatible storage (MEDIA_STORAGE=storages.backends.s3.S3Storage) is not copied:
# use the bucket's versioning/replication (see docs/deploy.en.md). Consistent while the site runs (pg_dump
# takes a snapshot); media uploaded during the run may or may not be included.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?DATABASE_URL is required (postgres://...)}"
dest="${1:-var/backups/$(date -u +%Y%m%dT%H%M%SZ)}"
media="${MEDIA_ROOT:-var/media}"
mkdir -p "$dest"
chmod 700 "$dest"  # registrants' personal data is in the dump

pg_dump --format=custom --no-owner --no-privileges --file="$dest/db.dump" "$DATABASE_URL"
if [ -d "$media" ]; then
  tar -czf "$dest/media.tar.gz" -C "$media" .
else
  tar -czf "$dest/media.tar.gz" --files-from /dev/null
fi
{
  echo "created=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "database=$(pg_restore --list "$dest/db.dump" | grep -c 'TABLE DATA' || true) tables"
  echo "media_files=$(tar -tzf "$dest/media.tar.gz" | grep -vc '/$' || true)"
  (cd "$dest" && sha256sum db.dump media.tar.gz)
} > "$dest/manifest.txt"
echo "$dest"
