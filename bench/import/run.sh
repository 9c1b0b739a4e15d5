#!/usr/bin/env bash
# Import benchmark (issue 5): N generated services (default 100 000) exported as NDJSON and imported
# into a fresh SQLite database. Prints the import time; the target is under 2 minutes for 100 000.
#   bench/import/run.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build src/Samla.Web -c Release -o "$work/app" -v quiet -nologo >/dev/null
app() { Database__Provider=Sqlite ConnectionStrings__Samla="Data Source=$1" Samla__DemoData=false dotnet "$work/app/Samla.Web.dll" "${@:2}"; }

echo "Seeding $n services into a source database…"
app "$work/source.db" seed --services "$n"
app "$work/source.db" export --format ndjson "$work/services.ndjson"
echo "NDJSON: $(du -h "$work/services.ndjson" | cut -f1), $(wc -l < "$work/services.ndjson") services"

app "$work/target.db" migrate >/dev/null
start=$(date +%s.%N)
/usr/bin/time -f "peak memory: %M KB" -o "$work/time.txt" bash -c "$(declare -f app); work=$work; app \"$work/target.db\" import \"$work/services.ndjson\"" \
  | tail -2
end=$(date +%s.%N)
cat "$work/time.txt"
printf 'Import of %s services into a fresh SQLite database: %.1f s\n' "$n" "$(echo "$end - $start" | bc)"

start=$(date +%s.%N)
app "$work/target.db" import "$work/services.ndjson" | tail -1
end=$(date +%s.%N)
printf 'Second import of the same file (all unchanged): %.1f s\n' "$(echo "$end - $start" | bc)"
