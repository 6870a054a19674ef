#!/usr/bin/env bash
# Run nginx (Debian's package) as the caching reverse proxy in front of one or more app servers.
#
#   HUB_UPSTREAMS=127.0.0.1:8001,127.0.0.1:8002 FRONTEND_CACHE_TOKEN=... bash tools/nginx/run.sh [start|stop|render]
#
# Environment:
#   HUB_UPSTREAMS          app servers (gunicorn), comma separated host:port        (default 127.0.0.1:8000)
#   HUB_NGINX_LISTEN       address nginx listens on                                  (default 127.0.0.1:8080)
#   HUB_NGINX_DIR          run directory: config, pid, logs, cache                   (default var/nginx)
#   FRONTEND_CACHE_TOKEN   the secret the app sends with refresh requests (same value in the app's environment)
#   HUB_REFRESH_ALLOW      addresses/CIDRs allowed to refresh, comma separated       (default 127.0.0.1)
#   HUB_FORWARDED_PROTO    X-Forwarded-Proto sent to the app ($scheme, or https behind a TLS terminator)
#   HUB_NGINX_USER         user for the worker processes when started as root (default www-data; the run
#                          directory must be writable by it)
#   MEDIA_ROOT             uploaded media served at /media/ (the app servers' MEDIA_ROOT) (default var/media)
#   HUB_NGINX_WORKERS, HUB_NGINX_CACHE_SIZE, HUB_NGINX_ACCESS_LOG (path or "off")
# `start` (default) runs nginx in the foreground; HUB_NGINX_DAEMON=on detaches. `stop` stops it.
set -euo pipefail
cd "$(dirname "$0")/../.."
action="${1:-start}"
dir="$(realpath -m "${HUB_NGINX_DIR:-var/nginx}")"
conf="$dir/nginx.conf"
NGINX="${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}"

if [ "$action" = "stop" ]; then
  [ -f "$dir/nginx.pid" ] && "$NGINX" -p "$dir" -c "$conf" -s quit 2>/dev/null || true
  exit 0
fi
if [ ! -x "$NGINX" ]; then
  echo "nginx is not installed: apt-get install -y nginx" >&2
  exit 1
fi
: "${FRONTEND_CACHE_TOKEN:?FRONTEND_CACHE_TOKEN is required (the same secret as the app servers have)}"
mkdir -p "$dir"/tmp/{body,proxy,fastcgi,uwsgi,scgi} "$dir/cache"

upstreams=""
IFS=',' read -ra servers <<< "${HUB_UPSTREAMS:-127.0.0.1:8000}"
for s in "${servers[@]}"; do upstreams+="server ${s} max_fails=3 fail_timeout=10s; "; done
allow=""
IFS=',' read -ra nets <<< "${HUB_REFRESH_ALLOW:-127.0.0.1}"
for n in "${nets[@]}"; do allow+="${n} 1; "; done
access_log="${HUB_NGINX_ACCESS_LOG:-$dir/access.log}"
user_directive=""
if [ "$(id -u)" = "0" ]; then
  user_directive="user ${HUB_NGINX_USER:-www-data};"
  [ "${HUB_NGINX_USER:-www-data}" != "root" ] && chown -R "${HUB_NGINX_USER:-www-data}" "$dir/cache" "$dir/tmp"
fi

sed -e "s|@RUNDIR@|$dir|g" \
    -e "s|@UPSTREAMS@|$upstreams|" \
    -e "s|@REFRESH_ALLOW@|$allow|" \
    -e "s|@TOKEN@|$FRONTEND_CACHE_TOKEN|" \
    -e "s|@LISTEN@|${HUB_NGINX_LISTEN:-127.0.0.1:8080}|" \
    -e "s|@FORWARDED_PROTO@|${HUB_FORWARDED_PROTO:-\$scheme}|" \
    -e "s|@WORKERS@|${HUB_NGINX_WORKERS:-auto}|" \
    -e "s|@CACHE_SIZE@|${HUB_NGINX_CACHE_SIZE:-1g}|" \
    -e "s|@ACCESS_LOG@|$access_log|" \
    -e "s|@MEDIA_ROOT@|$(realpath -m "${MEDIA_ROOT:-var/media}")|" \
    -e "s|@USER@|$user_directive|" \
    -e "s|@DAEMON@|${HUB_NGINX_DAEMON:-off}|" \
    tools/nginx/hub.conf.template > "$conf"
"$NGINX" -t -q -p "$dir" -c "$conf" -e "$dir/error.log" 2>/dev/null || "$NGINX" -t -q -p "$dir" -c "$conf"
[ "$action" = "render" ] && { echo "$conf"; exit 0; }
exec "$NGINX" -p "$dir" -c "$conf" -e "$dir/error.log"
