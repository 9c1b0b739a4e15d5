#!/usr/bin/env bash
# Times `seed --services N` (default 100 000) into a fresh database. Target: under 60 s on SQLite.
# Usage: bench/seed/run.sh [N] [--postgres "Host=127.0.0.1;Port=5432;Username=postgres;Database=samla_bench"]
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-100000}
provider=Sqlite
conn=""
if [ "${2:-}" = "--postgres" ]; then provider=Postgres; conn=${3:?connection string}; fi
[ -x /usr/bin/time ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; }
work=$(mktemp -d /tmp/samla-bench-seed.XXXXXX)
trap 'rm -rf "$work"' EXIT
dotnet build src/Samla.Web -c Release -nologo -clp:ErrorsOnly >/dev/null
dll=src/Samla.Web/bin/Release/net10.0/Samla.Web.dll
[ "$provider" = Sqlite ] && conn="Data Source=$work/bench.db"
export Database__Provider=$provider ConnectionStrings__Samla=$conn Samla__DemoData=false Logging__LogLevel__Default=Warning
dotnet "$dll" migrate >/dev/null
start=$(date +%s%N)
/usr/bin/time -f "%M" -o "$work/rss" dotnet "$dll" seed --services "$count"
end=$(date +%s%N)
ms=$(( (end - start) / 1000000 ))
printf 'seed %s services on %s: %d.%01d s wall, peak RSS %d MB\n' "$count" "$provider" $((ms / 1000)) $((ms % 1000 / 100)) $(( $(tail -1 "$work/rss") / 1024 ))
