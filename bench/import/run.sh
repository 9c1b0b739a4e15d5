#!/usr/bin/env bash
# Import benchmark (issue 5): N generated services (default 100 000), exported as NDJSON and imported
# into a fresh SQLite database. Prints the import time and peak memory; the target is under 2 minutes
# for 100 000 services. Usage: bench/import/run.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build src/Samla.Web -c Release -o "$work/app" -v quiet -nologo >/dev/null
app() {
  local db=$1; shift
  env ASPNETCORE_CONTENTROOT="$work/app" Logging__LogLevel__Default=Warning Database__Provider=Sqlite \
    ConnectionStrings__Samla="Data Source=$db" Samla__DemoData=false dotnet "$work/app/Samla.Web.dll" "$@"
}
timed() {
  local label=$1; shift
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$work/mem.txt" env ASPNETCORE_CONTENTROOT="$work/app" Logging__LogLevel__Default=Warning \
    Database__Provider=Sqlite ConnectionStrings__Samla="Data Source=$work/target.db" Samla__DemoData=false \
    dotnet "$work/app/Samla.Web.dll" "$@" | tail -2
  end=$(date +%s.%N)
  printf '%s: %.1f s, peak memory %d MB\n' "$label" "$(echo "$end - $start" | bc)" "$(( $(cat "$work/mem.txt") / 1024 ))"
}

echo "Seeding $n services into a source database…"
app "$work/source.db" seed --services "$n"
app "$work/source.db" export --format ndjson "$work/services.ndjson"
echo "NDJSON: $(du -h "$work/services.ndjson" | cut -f1), $(wc -l < "$work/services.ndjson") services"
app "$work/target.db" migrate >/dev/null
timed "Import of $n services into a fresh SQLite database" import "$work/services.ndjson"
timed "Second import of the same file (all unchanged)" import "$work/services.ndjson"
