#!/usr/bin/env bash
# Load benchmark of public search: seeds N services into a fresh database, starts the app (Release) on
# 127.0.0.1 and loads it with wrk. Prints requests/s, p50, p99 per target and the app's peak memory; for the
# uncached rows the mean time per answer in each stage (from the app's Samla.Search meter, read with
# dotnet-counters); and how long a change written to the database by another instance takes to be searchable.
#
#   bench/search/run.sh                       # SQLite, 100 000 services
#   bench/search/run.sh --postgres "Host=127.0.0.1;Port=55433;Username=postgres"
#   bench/search/run.sh --services 20000 --duration 10 --port 5390
DURATION=30
CONNECTIONS=32
THREADS=2
PORT=5380
BENCH_OPTIONS="duration"
source "$(dirname "$0")/../lib.sh"
bench_parse "$@"

# Search pages: realistic mixes of free text and filters (rotated by urls.lua).
PAGE_URLS=(
    "/sok?q=samtalsgrupp"
    "/sok?q=m%C3%B6tesplats&kommun=1380"
    "/sok?q=motesplats"
    "/sok?q=f%C3%B6r%C3%A4ldrast%C3%B6d&sprak=ar"
    "/sok?malgrupp=newly-arrived&kommun=1383"
    "/sok?q=st%C3%B6dsamtal&malgrupp=refugees&gratis=1"
    "/sok?kategori=person-focused-psychosocial&aldersgrupp=youth"
    "/sok?q=spr%C3%A5kcaf%C3%A9&dag=TU"
    "/sok?q=traumamotagning"
    "/sok?niva=3&tillgang=drop-in&sortering=bekraftad"
    "/sok?q=yoga&alder=30&sida=2"
    "/sok?malgrupp=undocumented&kommun=1381&sprak=ti"
    "/sok"
)
# ---- HSDS API (free text goes through the same search engine as the page)
API_URLS=(
    "/api/hsds/services?search=samtalsgrupp"
    "/api/hsds/services?search=m%C3%B6tesplats&municipality=1380"
    "/api/hsds/services?search=foraldrastod&target_group=refugees"
    "/api/hsds/services?municipality=1315&layer=3"
    "/api/hsds/services?search=trauma&per_page=20"
    "/api/hsds/services?search=spr%C3%A5kcaf%C3%A9&language=ar"
    "/api/hsds/services?target_group=asylum-seekers&municipality=1383"
    "/api/hsds/services?search=st%C3%B6dsamtal&page=2"
    "/api/hsds/services?search=yoga&lang=en"
    "/api/hsds/services?language=ti&per_page=10"
)
STATIC_URLS=("/css/site.css")

command -v wrk >/dev/null || { echo "Installing wrk (Debian package)…"; sudo apt-get install -y wrk >/dev/null; }
COUNTERS="${DOTNET_COUNTERS:-$(command -v dotnet-counters || true)}"
if [[ -z "$COUNTERS" ]]; then
    TOOLS="${TMPDIR:-/tmp}/samla-bench-tools"
    [[ -x "$TOOLS/dotnet-counters" ]] || dotnet tool install dotnet-counters --tool-path "$TOOLS" >/dev/null
    COUNTERS="$TOOLS/dotnet-counters"
fi
bench_setup
bench_seed
bench_start_app
# The first search waits for the index; time it as the start-up cost.
START=$(date +%s.%N)
curl -sf -o /dev/null "http://127.0.0.1:$PORT/sok?q=samtalsgrupp"
echo "index ready after $(python3 -c "print(round($(date +%s.%N)-$START,1))") s (first search)"


# load NAME MODE URL...  MODE "cached": the URLs as they are (repeats may come from the output cache, as in real use);
# MODE "uncached": every request gets a unique extra parameter, so every answer is computed (the cache's worst case).
load() {
    local name="$1" mode="$2"; shift 2
    local lua="$WORK/$name.lua"
    { echo "local urls = {"; for u in "$@"; do echo "  \"$u\","; done; echo "}"
      echo "local unique = $([[ $mode == uncached ]] && echo true || echo false)"
      cat <<'LUA'
local i, n, made = 0, 0, 0
math.randomseed(os.time())
setup = function(thread)
  made = made + 1
  -- Unique across wrk runs too (the warm-up's values must not come back in the measured run).
  thread:set("tid", string.format("%d%04d-%d", os.time(), math.random(0, 9999), made))
end
request = function()
  i = i % #urls + 1
  local url = urls[i]
  if unique then
    n = n + 1
    url = url .. (url:find("?", 1, true) and "&" or "?") .. "nocache=" .. tostring(tid) .. "-" .. n
  end
  return wrk.format("GET", url)
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout, summary.requests))
end
LUA
    } >"$lua"
    # warm-up, then the measured run (uncached: with the app's stage counters read meanwhile)
    wrk -t"$THREADS" -c"$CONNECTIONS" -d3s -s "$lua" "http://127.0.0.1:$PORT" >/dev/null
    local counters=""
    if [[ $mode == uncached ]]; then
        counters="$WORK/${name// /-}.csv"
        "$COUNTERS" collect -p "$APP_PID" --counters Samla.Search --refresh-interval 1 --format csv -o "$counters" \
            --duration "00:00:00:$(printf '%02d' $((DURATION + 2)))" >/dev/null 2>&1 &
        local collector=$!
        sleep 1
    fi
    local out; out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$lua" "http://127.0.0.1:$PORT" | grep '^RESULT')
    read -r _ rps p50 p99 errors total <<<"$out"
    printf "%-22s %10s req/s   p50 %8s ms   p99 %8s ms   errors %s of %s\n" "$name" "$rps" "$p50" "$p99" "$errors" "$total"
    LAST_RPS=$rps
    LAST_P99=$p99
    if [[ -n "$counters" ]]; then
        wait "$collector" || true
        stages "$counters" "$([[ $name == *api* ]] && echo api || echo page)"
    fi
}

# stages CSV KIND: the mean time per computed answer in each stage over the measured run (differences of the
# cumulative gauges samla.search.stage.total and samla.search.answers.total between the first and last reading).
stages() {
    python3 - "$1" "$2" <<'PY'
import csv, re, sys
first, last = {}, {}
with open(sys.argv[1], newline="") as f:
    for row in csv.reader(f):
        if len(row) < 5 or "samla.search" not in row[2]:
            continue
        name = row[2]
        try:
            value = float(row[4])
        except ValueError:
            continue
        first.setdefault(name, value)
        last[name] = value
delta = {k: last[k] - first[k] for k in last}
def pick(metric, tag):
    return sum(v for k, v in delta.items() if metric in k and re.search(r"\b" + tag + r"\b", k))
answers = pick("answers", sys.argv[2])
if answers <= 0:
    print("    (no stage counters read)")
    sys.exit(0)
parts = []
total = 0.0
for stage in ["parse", "text", "filters", "facets", "paging", "database", "render"]:
    us = pick("stage", stage) / answers
    total += us
    parts.append(f"{stage} {us:.0f}")
print(f"    per answer (µs, {answers:.0f} answers): " + ", ".join(parts) + f"; sum {total:.0f}")
PY
}

echo "== Load: $CONNECTIONS connections, ${DURATION}s each"
load "static-file" cached "${STATIC_URLS[@]}"; STATIC_RPS=$LAST_RPS
load "search-page" cached "${PAGE_URLS[@]}"
load "search-api" cached "${API_URLS[@]}"; API_RPS=$LAST_RPS

load "search-page uncached" uncached "${PAGE_URLS[@]}"; PAGE_UNCACHED_RPS=$LAST_RPS
load "search-api uncached" uncached "${API_URLS[@]}"; API_UNCACHED_RPS=$LAST_RPS
# The static file once more: its throughput moves by a quarter from run to run on the same machine, so the shares below
# are of the higher of its two rows (the stricter reference).
load "static-file again" cached "${STATIC_URLS[@]}"
STATIC_RPS=$(python3 -c "print(max($STATIC_RPS, $LAST_RPS))")
python3 -c "print(f'search API throughput: {100*$API_RPS/$STATIC_RPS:.0f} % of static (uncached: API {100*$API_UNCACHED_RPS/$STATIC_RPS:.1f} %, page {100*$PAGE_UNCACHED_RPS/$STATIC_RPS:.1f} %; static: the higher of its two rows)')"
echo "peak RSS (VmHWM): $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' /proc/"$APP_PID"/status)"

# ---- Freshness: a change written straight to the database, as another instance (or the command line) writes it:
# the row and its change-feed row. Timed until the API finds it (the app polls the feed every Samla:Search:PollSeconds).
echo "== Update to searchable (another instance's change, $SERVICES services)"
if [[ -n "$PG" ]]; then idsql() { echo "'$1'"; }; now_sql="now()"; else idsql() { echo "upper('$1')"; }; now_sql="strftime('%Y-%m-%d %H:%M:%f','now')"; fi
times=()
for i in 1 2 3 4 5; do
    id=$(curl -sf "http://127.0.0.1:$PORT/api/hsds/services?search=samtalsgrupp&per_page=1&page=$i&nocache=pick$i" | python3 -c "import json,sys; print(json.load(sys.stdin)['contents'][0]['id'])")
    word="fyrtorn$(printf '%05d%05d' $RANDOM $RANDOM | tr 0-9 a-j)"  # no `tr </dev/urandom | head`: SIGPIPE under pipefail ends the script
    START=$(date +%s.%N)
    sql "UPDATE \"Services\" SET \"Name\" = '$word' WHERE \"Id\" = $(idsql "$id")" >/dev/null
    sql "INSERT INTO \"ServiceChanges\" (\"Scope\", \"RefId\", \"ChangedAt\") VALUES (0, $(idsql "$id"), $now_sql)" >/dev/null
    for n in $(seq 1 400); do
        found=$(curl -sf "http://127.0.0.1:$PORT/api/hsds/services?search=$word&per_page=1&nocache=u$i-$n" | python3 -c "import json,sys; print(json.load(sys.stdin)['total_items'])")
        [[ "$found" -ge 1 ]] && break
        sleep 0.02
    done
    times+=("$(python3 -c "print(round(($(date +%s.%N)-$START)*1000))")")
done
python3 -c "import statistics,sys; t=sorted(int(x) for x in sys.argv[1:]); print(f'searchable after: median {statistics.median(t):.0f} ms, max {t[-1]} ms (each: {t})')" "${times[@]}"
