#!/usr/bin/env bash
# Fault benchmark (issue 15): the app on a private PostgreSQL cluster of its own, under load (one importer posting to
# /api/hsds/import, two searchers on /sok and the HSDS API, one reader of a database page, a /health poller), through
# three faults in a row:
#   down    pg_ctl stop -m fast, started again after DOWN_SECONDS (default 25)
#   slow    a transaction holding ACCESS EXCLUSIVE on "Services" for 20 s
#   silent  kill -STOP of the cluster's postmaster and backends for SILENT_SECONDS (default 20), then kill -CONT
# Prints, per phase and kind of request, the status codes and the slowest answer; the time from the database being
# back to the first good answer of each kind; and checks every import acknowledged (200) is in the database, whole.
# Only this script's own cluster is stopped or frozen (its postmaster pid from its own data directory).
# Usage: [CS_EXTRA=";SSL Mode=Disable"] [APP_LOG=/tmp/app.log] bench/faults/run.sh [--port 5611] [--pg-port 55611]
# (APP_LOG: where to keep the app's log, e.g. for its timestamps; it is deleted with the cluster otherwise)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
PORT=5611
PGPORT=55611
while [[ $# -gt 0 ]]; do
  case "$1" in
    --port) PORT="$2" ;;
    --pg-port) PGPORT="$2" ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done
PGBIN=/usr/lib/postgresql/15/bin
DLL="$ROOT/src/Samla.Web/bin/Release/net10.0/Samla.Web.dll"
WORK="$(mktemp -d /tmp/samla-faults.XXXXXX)"
chmod 777 "$WORK"  # the cluster (run as postgres when we are root) writes its log and socket here
PGDATA="$WORK/pg"
APP=""
as_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  if [[ -n "$APP" ]]; then kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; fi
  if [[ -n "${APP_LOG:-}" && -f "$WORK/app.log" ]]; then cp "$WORK/app.log" "$APP_LOG"; fi
  if [[ -f "$PGDATA/postmaster.pid" ]]; then
    pm=$(head -1 "$PGDATA/postmaster.pid")
    kill -CONT "$pm" $(pgrep -P "$pm" || true) 2>/dev/null || true
    as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

[[ -f "$DLL" ]] || { echo "== Build (Release)"; dotnet build "$ROOT/src/Samla.Web" -c Release -v quiet -nologo | tail -2; }

echo "== Private PostgreSQL 15 cluster on 127.0.0.1:$PGPORT ($PGDATA)"
mkdir -p "$PGDATA"; [[ $(id -u) -eq 0 ]] && chown postgres "$PGDATA"
as_pg "$PGBIN/initdb" -D "$PGDATA" -A trust -U postgres >/dev/null
pg_start() { as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$WORK/pg.log" -o "-p $PGPORT -k $WORK -c listen_addresses=127.0.0.1 -c max_connections=200" -w start >/dev/null; }
pg_start
psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -qc 'CREATE DATABASE samla' >/dev/null

# CS_EXTRA (environment) is appended to the connection string, e.g. CS_EXTRA=";SSL Mode=Disable".
export Database__Provider=Postgres ConnectionStrings__Samla="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=samla${CS_EXTRA:-}"
export Samla__DemoData=true Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production
export Samla__RateLimits__SignIn__PermitLimit=100000 Samla__RateLimits__PublicForms__PermitLimit=100000
echo "== Start app on 127.0.0.1:$PORT"
( cd "$ROOT/src/Samla.Web" && exec dotnet "$DLL" --urls "http://127.0.0.1:$PORT" >"$WORK/app.log" 2>&1 ) &
APP=$!
for _ in $(seq 1 1800); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$PORT/health" >/dev/null || { echo "app did not start"; tail -30 "$WORK/app.log"; exit 1; }

KEY="samla_benchfaults$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
HASH=$(printf '%s' "$KEY" | sha256sum | cut -d' ' -f1)
psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d samla -qc "INSERT INTO \"ApiKey\" (\"Id\",\"Name\",\"Prefix\",\"Hash\",\"CreatedAt\",\"CreatedBy\") VALUES (gen_random_uuid(),'bench-faults','${KEY:0:12}','$HASH',now(),'bench')" >/dev/null \
  || psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d samla -qc "INSERT INTO \"ApiKeys\" (\"Id\",\"Name\",\"Prefix\",\"Hash\",\"CreatedAt\",\"CreatedBy\") VALUES (gen_random_uuid(),'bench-faults','${KEY:0:12}','$HASH',now(),'bench')" >/dev/null

python3 "$ROOT/bench/faults/faults.py" --app "http://127.0.0.1:$PORT" --key "$KEY" --pgdata "$PGDATA" --pgport "$PGPORT" \
  --pg-start "$(declare -f as_pg pg_start); PGBIN=$PGBIN PGDATA=$PGDATA PGPORT=$PGPORT WORK=$WORK; pg_start" \
  --pg-stop "$(declare -f as_pg); as_pg $PGBIN/pg_ctl -D $PGDATA -m fast -w stop"
echo "== App log: warnings and errors"
grep -cE '^(warn|fail)' "$WORK/app.log" | sed 's/^/lines: /' || true
grep -E '^fail' -A2 "$WORK/app.log" | head -20 || true
