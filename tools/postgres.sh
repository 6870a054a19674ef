#!/usr/bin/env bash
# Start Debian's PostgreSQL cluster and make sure the current user can connect over the local socket.
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
version="$(ls /etc/postgresql | sort -V | tail -n 1)"
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -q online; then
  pg_ctlcluster "$version" main start
fi
for _ in $(seq 1 30); do
  if su postgres -c "psql -Atqc 'select 1'" >/dev/null 2>&1; then break; fi
  sleep 1
done
# The test run's processes each hold a connection per thread (the crowd and concurrency tests open dozens): more
# than Debian's default of 100.
if [ "$(su postgres -c "psql -Atqc 'show max_connections'")" -lt 300 ]; then
  su postgres -c "psql -Atqc 'alter system set max_connections = 300'" >/dev/null
  pg_ctlcluster "$version" main restart
  for _ in $(seq 1 30); do
    if su postgres -c "psql -Atqc 'select 1'" >/dev/null 2>&1; then break; fi
    sleep 1
  done
fi
me="$(id -un)"
if [ "$(su postgres -c "psql -Atqc \"select 1 from pg_roles where rolname='$me'\"")" != "1" ]; then
  su postgres -c "createuser -s '$me'"
fi
if [ "$(psql -Atq -d postgres -c "select 1 from pg_database where datname='samskaping'")" != "1" ]; then
  createdb samskaping
fi
# Norwegian dictionaries for full text search (search/pg_configs.py): Debian's hunspell-no (hyphen-no alongside),
# converted into the server's tsearch_data folder. Licences: docs/search-dictionaries.md.
if [ ! -f /usr/share/hunspell/nb_NO.dic ] || [ ! -f /usr/share/hyphen/hyph_nb_NO.dic ]; then
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hunspell-no hyphen-no >/dev/null; } ||
    echo "postgres.sh: could not install hunspell-no; search falls back to the Snowball stemmer" >&2
fi
tsearch="/usr/share/postgresql/$version/tsearch_data"
if [ -f /usr/share/hunspell/nb_NO.dic ] && { [ ! -f "$tsearch/hub_nb.dict" ] || [ /usr/share/hunspell/nb_NO.dic -nt "$tsearch/hub_nb.dict" ]; }; then
  python3 "$(dirname "$0")/search_dictionaries.py" postgres "$tsearch"
fi
