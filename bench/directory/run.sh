#!/usr/bin/env bash
# Public directory pages on a large database: seeds N services into a fresh database, gives one
# organisation 4 800 more services, starts the app (Release) on 127.0.0.1 and times, one request at
# a time with curl, /organisationer and that organisation's page (first and a later page).
# Prints min, median and p90 of the total request time.
#
#   bench/directory/run.sh                      # SQLite, 100 000 services
#   bench/directory/run.sh --postgres "Host=127.0.0.1;Port=55433;Username=postgres"
#   bench/directory/run.sh --services 20000 --requests 50 --port 5391
set -euo pipefail

SERVICES=100000
REQUESTS=30
PORT=5385
PG=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --postgres) PG="$2"; shift 2 ;;
        --services) SERVICES="$2"; shift 2 ;;
        --requests) REQUESTS="$2"; shift 2 ;;
        --port) PORT="$2"; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="$(mktemp -d /tmp/samla-bench.XXXXXX)"

echo "== Build (Release)"
dotnet build "$ROOT/src/Samla.Web" -c Release -v quiet -nologo | tail -2
DLL="$ROOT/src/Samla.Web/bin/Release/net10.0/Samla.Web.dll"

# sql STATEMENT: runs one statement on the benchmark database and prints the first column of each row.
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

APP=""
cleanup() {
    if [[ -n "$APP" ]]; then kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; fi
    if [[ -n "$PG" ]]; then psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -qc "DROP DATABASE IF EXISTS \"$DBNAME\"" >/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

echo "== Seed $SERVICES services"
( cd "$ROOT/src/Samla.Web" && dotnet "$DLL" seed --services "$SERVICES" )
BIG=$(sql 'SELECT "Id" FROM "Organizations" WHERE "IsActive" ORDER BY "Id" LIMIT 1' | tr 'A-Z' 'a-z')
BIG_SQL=$BIG; [[ -n "$PG" ]] || BIG_SQL=$(echo "$BIG" | tr 'a-z' 'A-Z')   # SQLite keeps Guids as upper-case text
sql "UPDATE \"Services\" SET \"OrganizationId\" = '$BIG_SQL' WHERE \"Id\" IN (SELECT \"Id\" FROM \"Services\" WHERE \"OrganizationId\" <> '$BIG_SQL' LIMIT 4800)" >/dev/null
echo "organisation $BIG: $(sql "SELECT count(*) FROM \"Services\" WHERE \"OrganizationId\" = '$BIG_SQL' AND \"IsPublished\" AND \"Status\" = 'active'") public services"

echo "== Start app on 127.0.0.1:$PORT"
( cd "$ROOT/src/Samla.Web" && exec dotnet "$DLL" --urls "http://127.0.0.1:$PORT" >"$WORK/app.log" 2>&1 ) &
APP=$!
for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done

time_url() {
    local url="$1"
    curl -sf -o /dev/null "http://127.0.0.1:$PORT$url"   # warm-up
    for _ in $(seq 1 "$REQUESTS"); do curl -sf -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$PORT$url"; done \
        | sort -n | awk -v url="$url" '{a[NR] = $1} END {
            printf "%-60s min %6.1f ms   median %6.1f ms   p90 %6.1f ms   (%d requests)\n", url, a[1] * 1000, a[int((NR + 1) / 2)] * 1000, a[int(NR * 0.9)] * 1000, NR }'
}

echo "== Timings, one request at a time"
time_url "/organisationer"
time_url "/organisationer/$BIG"
time_url "/organisationer/$BIG?sida=40"
time_url "/organisationer/$BIG?sida=40&lang=ar"
