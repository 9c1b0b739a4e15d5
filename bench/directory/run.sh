#!/usr/bin/env bash
# Public directory pages on a large database: seeds N services into a fresh database, gives one
# organisation 4 800 more services, starts the app (Release) on 127.0.0.1 and times, one request at
# a time with curl, /organisationer and that organisation's page (first and a later page).
# Prints min, median and p90 of the total request time.
#
#   bench/directory/run.sh                      # SQLite, 100 000 services
#   bench/directory/run.sh --postgres "Host=127.0.0.1;Port=55433;Username=postgres"
#   bench/directory/run.sh --services 20000 --requests 50 --port 5391
REQUESTS=30
PORT=5385
BENCH_OPTIONS="requests"
source "$(dirname "$0")/../lib.sh"
bench_parse "$@"
bench_setup
bench_seed
BIG=$(sql 'SELECT "Id" FROM "Organizations" WHERE "IsActive" ORDER BY "Id" LIMIT 1' | tr 'A-Z' 'a-z')
BIG_SQL=$BIG; [[ -n "$PG" ]] || BIG_SQL=$(echo "$BIG" | tr 'a-z' 'A-Z')   # SQLite keeps Guids as upper-case text
sql "UPDATE \"Services\" SET \"OrganizationId\" = '$BIG_SQL' WHERE \"Id\" IN (SELECT \"Id\" FROM \"Services\" WHERE \"OrganizationId\" <> '$BIG_SQL' LIMIT 4800)" >/dev/null
echo "organisation $BIG: $(sql "SELECT count(*) FROM \"Services\" WHERE \"OrganizationId\" = '$BIG_SQL' AND \"IsPublished\" AND \"Status\" = 'active'") public services"

bench_start_app

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
