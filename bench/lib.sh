# Shared by the bench scripts that run the app on a fresh, seeded database. Source it, then:
#   bench_parse "$@"   --postgres CONN, --services N, --port P, and --NAME VALUE for each NAME in BENCH_OPTIONS
#                      (sets the upper-case variable; defaults are the variables' values before the call)
#   bench_setup        builds Release, creates the database (SQLite file or PostgreSQL database, dropped on exit),
#                      defines sql STATEMENT (prints the first column of each row) and exports the app's settings
#   bench_seed         seed --services $SERVICES
#   bench_start_app    starts the app on 127.0.0.1:$PORT, waits for /health; sets APP and APP_PID
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DLL="$ROOT/src/Samla.Web/bin/Release/net10.0/Samla.Web.dll"
SERVICES=${SERVICES:-100000}
PG=""
APP=""

bench_parse() {
    while [[ $# -gt 0 ]]; do
        local name="${1#--}"
        case "$1" in
            --postgres) PG="$2" ;;
            --services) SERVICES="$2" ;;
            --port) PORT="$2" ;;
            *)
                if [[ " ${BENCH_OPTIONS:-} " == *" $name "* ]]; then printf -v "${name^^}" '%s' "$2"
                else echo "unknown option $1" >&2; exit 2; fi ;;
        esac
        shift 2
    done
}

bench_setup() {
    WORK="$(mktemp -d /tmp/samla-bench.XXXXXX)"
    trap bench_cleanup EXIT
    echo "== Build (Release)"
    dotnet build "$ROOT/src/Samla.Web" -c Release -v quiet -nologo | tail -2
    if [[ -n "$PG" ]]; then
        DBNAME="samla_bench_$$"
        export Database__Provider=Postgres
        export ConnectionStrings__Samla="$PG;Database=$DBNAME"
        read -r PGHOST PGPORT PGUSER < <(python3 -c "
import sys; cs = dict(kv.split('=', 1) for kv in sys.argv[1].split(';') if kv)
print(cs.get('Host', '127.0.0.1'), cs.get('Port', '5432'), cs.get('Username', 'postgres'))" "$PG")
        psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -qc "CREATE DATABASE \"$DBNAME\"" >/dev/null
        sql() { psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$DBNAME" -Atqc "$1"; }
        echo "== Database: PostgreSQL $DBNAME"
    else
        export Database__Provider=Sqlite
        export ConnectionStrings__Samla="Data Source=$WORK/bench.db"
        sql() { python3 -c "
import sqlite3, sys; c = sqlite3.connect(sys.argv[1])
for row in c.execute(sys.argv[2]): print(row[0])
c.commit()" "$WORK/bench.db" "$1"; }
        echo "== Database: SQLite $WORK/bench.db"
    fi
    export Samla__DemoData=false Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production
}

bench_cleanup() {
    if [[ -n "$APP" ]]; then kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; fi
    if [[ -n "$PG" ]]; then psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -qc "DROP DATABASE IF EXISTS \"$DBNAME\"" >/dev/null || true; fi
    # The app's log outlives the run: errors and slow requests are explained there.
    if [[ -s "$WORK/app.log" ]]; then cp "$WORK/app.log" "${TMPDIR:-/tmp}/samla-bench-app.log"; echo "(the app's log: ${TMPDIR:-/tmp}/samla-bench-app.log)"; fi
    rm -rf "$WORK"
}

bench_seed() {
    echo "== Seed $SERVICES services"
    ( cd "$ROOT/src/Samla.Web" && dotnet "$DLL" seed --services "$SERVICES" )
}

bench_start_app() {
    echo "== Start app on 127.0.0.1:$PORT"
    ( cd "$ROOT/src/Samla.Web" && exec dotnet "$DLL" --urls "http://127.0.0.1:$PORT" >"$WORK/app.log" 2>&1 ) &
    APP=$!
    for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done
    APP_PID=$(pgrep -P "$APP" -f Samla.Web.dll || echo "$APP")
    [[ -r /proc/$APP_PID/status ]] || APP_PID=$APP
}
