#!/usr/bin/env bash
# Mixed reads and writes for N minutes at 32 connections: signed-in editors save services and confirm them
# ("Uppgifterna stämmer") while the public searches (page and API) and opens service pages. Prints requests, errors
# and p50/p99/max per kind of request, and each app process's memory (RSS) every 10 s. Fails when any request failed.
#
#   bench/load/run.sh sqlite   [--minutes 10]                  one instance on a fresh SQLite file
#   bench/load/run.sh postgres [--minutes 10] [--postgres CONN] one instance on a fresh PostgreSQL database
#   bench/load/run.sh cluster  [--minutes 10] [--postgres CONN] two instances behind nginx (scripts/cluster.sh)
#   options: --services N (generated services besides the demo data, default 10000), --connections N (32),
#            --editors N (8 editor sessions, at most one per service of the demo editor's organisation), --port P
set -euo pipefail
MODE=${1:-sqlite}; shift || true
case "$MODE" in sqlite|postgres|cluster) ;; *) echo "usage: bench/load/run.sh [sqlite|postgres|cluster] [--minutes N] ..." >&2; exit 2 ;; esac
MINUTES=10 CONNECTIONS=32 EDITORS=8 SERVICES=10000 PORT=5395
BENCH_OPTIONS="minutes connections editors"
source "$(dirname "$0")/../lib.sh"
bench_parse "$@"
if [[ "$MODE" != sqlite && -z "$PG" ]]; then PG="Host=127.0.0.1;Port=${SAMLA_PG_PORT:-55432};Username=postgres"; fi
if [[ "$MODE" == sqlite ]]; then PG=""; fi

# Editors sign in once per session at the start: the sign-in limits must not count them as an attack.
export Samla__RateLimits__SignIn__PermitLimit=10000 Samla__RateLimits__PublicForms__PermitLimit=10000

build_driver() {
    echo "== Build the load driver"
    dotnet build "$ROOT/bench/load/LoadDriver" -c Release -v quiet -nologo -o "$WORK/driver" | tail -2
}

wait_for_index() { # url
    for _ in $(seq 1 240); do
        curl -sf "$1/sok?q=barn" | grep -q 'href="/insatser/' && return 0
        sleep 0.5
    done
    echo "!! the search index did not answer within 2 minutes" >&2; return 1
}

drive() { # url pids
    echo "== Load: $MINUTES min, $CONNECTIONS connections on $1"
    dotnet "$WORK/driver/LoadDriver.dll" --url "$1" --connections "$CONNECTIONS" --editors "$EDITORS" \
        --seconds $((MINUTES * 60)) --pids "$2"
}

if [[ "$MODE" == cluster ]]; then
    WORK="$(mktemp -d /tmp/samla-bench.XXXXXX)"
    CLUSTER_DB="samla_load_$$"
    cleanup_cluster() {
        "$ROOT/scripts/cluster.sh" stop --dir "$WORK/cluster" || true
        read -r h p u < <(python3 -c "
import sys; cs = dict(kv.split('=', 1) for kv in sys.argv[1].split(';') if kv)
print(cs.get('Host', '127.0.0.1'), cs.get('Port', '5432'), cs.get('Username', 'postgres'))" "$PG")
        psql -h "$h" -p "$p" -U "$u" -d postgres -qc "DROP DATABASE IF EXISTS \"$CLUSTER_DB\" WITH (FORCE)" >/dev/null || true
        rm -rf "$WORK"
    }
    trap cleanup_cluster EXIT
    echo "== Build (Release)"
    dotnet build "$ROOT/src/Samla.Web" -c Release -v quiet -nologo | tail -2
    build_driver
    export Logging__LogLevel__Default=Warning
    "$ROOT/scripts/cluster.sh" start --postgres "$PG" --database "$CLUSTER_DB" --port "$PORT" --dir "$WORK/cluster" \
        --services "$SERVICES" --sign-in-per-minute 10000
    source "$WORK/cluster/cluster.env"
    for url in ${SAMLA_CLUSTER_INSTANCES//,/ }; do wait_for_index "$url"; done
    drive "$SAMLA_CLUSTER_URL" "$SAMLA_CLUSTER_PIDS"
else
    bench_setup
    export Samla__DemoData=true
    build_driver
    bench_start_app # seeds the demo data (the demo editor's organisation must exist before the generated services)
    bench_seed
    wait_for_index "http://127.0.0.1:$PORT"
    drive "http://127.0.0.1:$PORT" "$APP_PID"
fi
