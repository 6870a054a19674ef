#!/usr/bin/env bash
# Local OpenSearch 2.19.x node (no Docker) for development and tests.
#
#   tools/opensearch/opensearch.sh start|stop|restart|status|build|logs
#
# Environment:
#   OPENSEARCH_PORT            HTTP port                     (default 9201)
#   OPENSEARCH_TRANSPORT_PORT  transport port                (default 9301)
#   OPENSEARCH_HEAP            JVM heap (-Xms/-Xmx)           (default 512m)
#   OPENSEARCH_START_TIMEOUT   seconds to wait for health    (default 90)
#   OPENSEARCH_BASE_DIR        data/logs/config/pid dir      (default <repo>/.opensearch)
#   OPENSEARCH_JAVA_OPTS       extra JVM options (appended)
#   JAVA_HOME / MVN            java home / maven executable
set -euo pipefail

SCRIPT_DIR="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)"
REPO_ROOT="$(cd -- "$SCRIPT_DIR/../.." && pwd -P)"

PORT="${OPENSEARCH_PORT:-9201}"
TRANSPORT_PORT="${OPENSEARCH_TRANSPORT_PORT:-9301}"
HEAP="${OPENSEARCH_HEAP:-512m}"
START_TIMEOUT="${OPENSEARCH_START_TIMEOUT:-90}"
BASE_DIR="${OPENSEARCH_BASE_DIR:-$REPO_ROOT/.opensearch}"
PID_FILE="$BASE_DIR/opensearch.pid"
LOG_DIR="$BASE_DIR/logs"
CONSOLE_LOG="$LOG_DIR/console.log"
JAR="$SCRIPT_DIR/target/opensearch-local.jar"
URL="http://127.0.0.1:$PORT"

if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    JAVA="$JAVA_HOME/bin/java"
else
    JAVA="$(command -v java || true)"
fi
MVN="${MVN:-mvn}"

log() { printf 'opensearch: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

need_build() {
    [[ -f "$JAR" && -d "$SCRIPT_DIR/target/lib" ]] || return 0
    # Rebuild when pom.xml or any source file is newer than the jar.
    [[ -n "$(find "$SCRIPT_DIR/pom.xml" "$SCRIPT_DIR/src" -newer "$JAR" -print -quit 2>/dev/null)" ]]
}

build() {
    if ! need_build; then
        return 0
    fi
    command -v "$MVN" >/dev/null 2>&1 || die "maven ('$MVN') not found; needed for the first build"
    log "building launcher (mvn package, first run downloads ~55 MB from Maven Central) ..."
    # Remove stale jars (e.g. after a version bump) before copying dependencies again.
    rm -rf "$SCRIPT_DIR/target/lib"
    mkdir -p "$LOG_DIR"
    if ! (cd "$SCRIPT_DIR" && "$MVN" -B -Dstyle.color=never -DskipTests package) >"$LOG_DIR/build.log" 2>&1; then
        grep -E 'ERROR|FAIL' "$LOG_DIR/build.log" | head -n 30 >&2 || true
        die "maven build failed, see $LOG_DIR/build.log"
    fi
    [[ -f "$JAR" ]] || die "build did not produce $JAR"
    touch "$JAR"
}

read_pid() {
    local pid=""
    if [[ -f "$PID_FILE" ]]; then
        pid="$(tr -dc '0-9' <"$PID_FILE" || true)"
    fi
    printf '%s' "$pid"
}

# True if the pid in the pid file is alive and is our java process.
is_running() {
    local pid
    pid="$(read_pid)"
    [[ -n "$pid" ]] || return 1
    kill -0 "$pid" 2>/dev/null || return 1
    if [[ -r "/proc/$pid/cmdline" ]]; then
        tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q 'opensearch-local.jar' || return 1
    fi
    return 0
}

health() {
    # Prints the health JSON and succeeds if the cluster is green or yellow.
    local out
    out="$(curl -sS -m 5 "$URL/_cluster/health" 2>/dev/null)" || return 1
    printf '%s\n' "$out"
    printf '%s' "$out" | grep -Eq '"status":"(green|yellow)"'
}

log_tail() {
    [[ -f "$CONSOLE_LOG" ]] || return 0
    log "---- last 40 lines of $CONSOLE_LOG ----"
    tail -n 40 "$CONSOLE_LOG" >&2 || true
    log "---- errors ----"
    grep -E 'FATAL|ERROR|Exception:' "$CONSOLE_LOG" | grep -v '^[[:space:]]*at ' | head -n 5 >&2 || true
}

# Norwegian hunspell dictionaries (Debian's hunspell-no) into the node's config/hunspell/hub_{nb,nn}/, read by the
# search analyzers (search/engines/opensearch/index.py). Without them the analyzers use the Snowball stemmer alone.
place_dictionaries() {
    mkdir -p "$BASE_DIR/config"
    if [[ -f /usr/share/hunspell/nb_NO.dic ]] && command -v python3 >/dev/null 2>&1; then
        python3 "$REPO_ROOT/tools/search_dictionaries.py" opensearch "$BASE_DIR/config" ||
            log "warning: could not place the hunspell dictionaries"
    else
        log "note: no hunspell-no dictionaries (apt-get install hunspell-no); Norwegian analysis uses Snowball only"
    fi
}

cmd_start() {
    if is_running; then
        log "already running (pid $(read_pid)) at $URL"
        health >/dev/null || log "warning: process is running but health check does not answer yet"
        echo "$URL"
        return 0
    fi
    rm -f "$PID_FILE"
    command -v curl >/dev/null 2>&1 || die "curl is required"
    [[ -n "$JAVA" ]] || die "java not found (install Java 17+ or set JAVA_HOME)"
    if curl -s -m 2 -o /dev/null "$URL/" 2>/dev/null; then
        die "something else already listens on $URL (not started by this script); set OPENSEARCH_PORT"
    fi

    build

    mkdir -p "$BASE_DIR" "$LOG_DIR" "$BASE_DIR/tmp"
    : >"$CONSOLE_LOG"
    place_dictionaries

    local -a jvm_opts=(
        "-Xms$HEAP" "-Xmx$HEAP"
        -XX:+UseG1GC
        -XX:+ExitOnOutOfMemoryError
        -XX:-OmitStackTraceInFastThrow
        -Xss1m
        -Dfile.encoding=UTF-8
        -Djava.awt.headless=true
        # same locale providers as the OpenSearch 2.x distribution's jvm.options
        -Djava.locale.providers=SPI,COMPAT
        "-Djava.io.tmpdir=$BASE_DIR/tmp"
        -Djna.nosys=true
        -Dio.netty.noUnsafe=true
        -Dio.netty.noKeySetOptimization=true
        -Dio.netty.recycler.maxCapacityPerThread=0
        -Dlog4j.shutdownHookEnabled=false
        -Dlog4j2.disable.jmx=true
        "-Dlocal.opensearch.pidfile=$PID_FILE"
    )
    if [[ -n "${OPENSEARCH_JAVA_OPTS:-}" ]]; then
        # shellcheck disable=SC2206  # intentional word splitting
        jvm_opts+=(${OPENSEARCH_JAVA_OPTS})
    fi

    local started_at launcher_pid pid
    started_at="$(date +%s)"
    # Detach from the caller (new session, stdin closed, output to the console log) and
    # cd to the base dir so nothing is written to the caller's cwd. The JVM writes its
    # own pid to $PID_FILE on startup.
    (
        cd "$BASE_DIR"
        exec setsid -w "$JAVA" "${jvm_opts[@]}" -jar "$JAR" "$BASE_DIR" "$PORT" "$TRANSPORT_PORT" \
            </dev/null >>"$CONSOLE_LOG" 2>&1
    ) &
    launcher_pid=$!
    log "starting OpenSearch 2.19 (heap $HEAP) on $URL, data in $BASE_DIR ..."

    local deadline=$((started_at + START_TIMEOUT))
    while :; do
        if health >/dev/null 2>&1; then
            break
        fi
        pid="$(read_pid)"
        pid="${pid:-$launcher_pid}"
        if ! kill -0 "$pid" 2>/dev/null; then
            log "node process exited during startup"
            log_tail
            rm -f "$PID_FILE"
            exit 1
        fi
        if (($(date +%s) >= deadline)); then
            log "node did not become healthy within ${START_TIMEOUT}s; stopping it"
            log_tail
            [[ -f "$PID_FILE" ]] || echo "$pid" >"$PID_FILE"
            cmd_stop >/dev/null 2>&1 || true
            exit 1
        fi
        sleep 0.5
    done
    # Single node: make new indices default to 0 replicas (green instead of yellow).
    # Must be a cluster-level (persistent) setting; as a node setting it is ignored.
    curl -sS -m 10 -o /dev/null -XPUT "$URL/_cluster/settings" -H 'Content-Type: application/json' \
        -d '{"persistent":{"cluster.default_number_of_replicas":0}}' ||
        log "warning: could not set cluster.default_number_of_replicas=0"
    log "up after $(($(date +%s) - started_at))s (pid $(read_pid))"
    echo "$URL"
}

cmd_stop() {
    if ! is_running; then
        rm -f "$PID_FILE"
        log "not running"
        return 0
    fi
    local pid i
    pid="$(read_pid)"
    log "stopping pid $pid ..."
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 60; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
        log "still alive after 30s, sending SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
        for ((i = 0; i < 20; i++)); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.25
        done
    fi
    rm -f "$PID_FILE"
    log "stopped"
}

cmd_status() {
    if ! is_running; then
        log "not running"
        exit 1
    fi
    if health; then
        return 0
    fi
    log "process $(read_pid) is running but $URL/_cluster/health is not green/yellow"
    exit 1
}

usage() {
    echo "usage: $0 {start|stop|restart|status|build|logs|dictionaries}" >&2
    exit 2
}

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    restart) cmd_stop; cmd_start ;;
    status) cmd_status ;;
    build) build; log "build ok: $JAR" ;;
    dictionaries) place_dictionaries ;;
    logs) tail -n "${2:-100}" "$CONSOLE_LOG" ;;
    *) usage ;;
esac
