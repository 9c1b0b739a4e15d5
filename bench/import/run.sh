#!/usr/bin/env bash
# Import benchmark (issues 5 and 14): N generated services (default 100 000), exported as NDJSON and imported three
# times into a fresh database: a fresh import, the same file again (nothing changed), and the file with 1 % of the
# services changed (a nightly sync). Prints one row each: time, peak memory, what the import reports, and what was
# written (audit rows added, service versions bumped). Targets: fresh under 2 minutes; the unchanged re-import clearly
# faster than the fresh one (at most about 0.6 x) and writing nothing; the 1 % re-import writing only those services.
# A last row re-imports with every stored import fingerprint cleared (the full column-by-column comparison).
# Usage: bench/import/run.sh [N] [--postgres "Host=127.0.0.1;Port=5432;Username=postgres"]   (the database is created and dropped)
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-100000}
pg=""
if [ "${2:-}" = "--postgres" ]; then pg=${3:?connection string without Database}; fi
[ -x /usr/bin/time ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; }
work=$(mktemp -d /tmp/samla-bench-import.XXXXXX)
dbname="samla_bench_import_$$"
cleanup() {
  if [ -n "$pg" ]; then psql_admin -qc "DROP DATABASE IF EXISTS \"$dbname\"" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
psql_args() {
  python3 -c "
import sys; cs = dict(kv.split('=', 1) for kv in sys.argv[1].split(';') if kv)
print('-h', cs.get('Host', '127.0.0.1'), '-p', cs.get('Port', '5432'), '-U', cs.get('Username', 'postgres'))" "$pg"
}
psql_admin() { psql $(psql_args) -d postgres "$@"; }
trap cleanup EXIT
dotnet build src/Samla.Web -c Release -o "$work/app" -v quiet -nologo >/dev/null
run() {
  local provider=$1 conn=$2; shift 2
  env ASPNETCORE_CONTENTROOT="$work/app" Logging__LogLevel__Default=Warning Database__Provider="$provider" \
    ConnectionStrings__Samla="$conn" Samla__DemoData=false dotnet "$work/app/Samla.Web.dll" "$@"
}

if [ -n "$pg" ]; then
  provider=Postgres target="$pg;Database=$dbname"
  psql_admin -qc "CREATE DATABASE \"$dbname\"" >/dev/null
  sql() { psql $(psql_args) -d "$dbname" -Atqc "$1"; }
else
  provider=Sqlite target="Data Source=$work/target.db"
  sql() { sqlite3 "$work/target.db" "$1"; }
fi

echo "Seeding $n services into a source database (SQLite)…"
run Sqlite "Data Source=$work/source.db" seed --services "$n" >/dev/null
run Sqlite "Data Source=$work/source.db" export --format ndjson "$work/services.ndjson" >/dev/null
# Every hundredth service gets a new description: 1 % changed.
python3 - "$work/services.ndjson" "$work/changed.ndjson" <<'EOF'
import json, sys
with open(sys.argv[1], encoding='utf-8') as src, open(sys.argv[2], 'w', encoding='utf-8') as dst:
    for i, line in enumerate(src):
        if i % 100 == 0:
            s = json.loads(line)
            s['description'] = s.get('description', '') + ' Ändrad i nattens synkronisering.'
            line = json.dumps(s, ensure_ascii=False) + '\n'
        dst.write(line)
EOF
echo "NDJSON: $(du -h "$work/services.ndjson" | cut -f1), $(wc -l < "$work/services.ndjson") services; $provider target"
# An import takes files up to Samla:Import:MaxFileMegabytes (200 MB; at most 256): a national file is sent in parts,
# as the importer's own message advises. 30 000 services make about 180 MB.
split -l 30000 -d "$work/services.ndjson" "$work/services-part-" --additional-suffix=.ndjson
split -l 30000 -d "$work/changed.ndjson" "$work/changed-part-" --additional-suffix=.ndjson
run "$provider" "$target" migrate >/dev/null

timed() {
  local label=$1 parts=$2
  local audit0 versions0 start end summary peak=0 mem
  audit0=$(sql 'SELECT COUNT(*) FROM "AuditEntries"')
  versions0=$(sql 'SELECT COALESCE(SUM("Version"), 0) FROM "Services"')
  start=$(date +%s.%N)
  for file in "$work/$parts"-part-*.ndjson; do
    summary=$(/usr/bin/time -f "%M" -o "$work/mem.txt" env ASPNETCORE_CONTENTROOT="$work/app" Logging__LogLevel__Default=Warning \
      Database__Provider="$provider" ConnectionStrings__Samla="$target" Samla__DemoData=false \
      dotnet "$work/app/Samla.Web.dll" import "$file" | grep -v "klar på" | tail -1 || true)
    mem=$(( $(tail -1 "$work/mem.txt") / 1024 )); (( mem > peak )) && peak=$mem
    echo "    $(basename "$file"): $summary"
  done
  end=$(date +%s.%N)
  local seconds ratio=""
  seconds=$(echo "$end - $start" | bc)
  if [ -z "${fresh_seconds:-}" ]; then fresh_seconds=$seconds; else ratio=$(printf ' (%.2f x fresh)' "$(echo "$seconds / $fresh_seconds" | bc -l)"); fi
  printf '%-34s %6.1f s%s  %5d MB peak  audit rows +%d, service versions +%d  (load average %s)\n' "$label" "$seconds" "$ratio" "$peak" \
    "$(( $(sql 'SELECT COUNT(*) FROM "AuditEntries"') - audit0 ))" "$(( $(sql 'SELECT COALESCE(SUM("Version"), 0) FROM "Services"') - versions0 ))" \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
}
timed "Fresh import ($provider)" services
timed "Unchanged re-import ($provider)" services
timed "1 % changed re-import ($provider)" changed
# The first re-import after the upgrade that brought the fingerprints (or after every service was edited): each service
# is read and compared column by column, then its fingerprint is stored.
sql 'UPDATE "Services" SET "ImportFingerprint" = NULL' >/dev/null
timed "Unchanged, no fingerprints ($provider)" changed
