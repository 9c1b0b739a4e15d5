#!/usr/bin/env bash
# Load benchmark of public search: seeds N services into a fresh database, starts the app (Release) on
# 127.0.0.1 and loads it with wrk. Prints requests/s, p50, p99 per target and the app's peak memory.
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
setup = function(thread)
  made = made + 1
  thread:set("tid", made)
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
    # warm-up, then the measured run
    wrk -t"$THREADS" -c"$CONNECTIONS" -d3s -s "$lua" "http://127.0.0.1:$PORT" >/dev/null
    local out; out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$lua" "http://127.0.0.1:$PORT" | grep '^RESULT')
    read -r _ rps p50 p99 errors total <<<"$out"
    printf "%-22s %10s req/s   p50 %8s ms   p99 %8s ms   errors %s of %s\n" "$name" "$rps" "$p50" "$p99" "$errors" "$total"
    LAST_RPS=$rps
}

echo "== Load: $CONNECTIONS connections, ${DURATION}s each"
load "static-file" cached "${STATIC_URLS[@]}"; STATIC_RPS=$LAST_RPS
load "search-page" cached "${PAGE_URLS[@]}"
load "search-api" cached "${API_URLS[@]}"; API_RPS=$LAST_RPS
load "search-page uncached" uncached "${PAGE_URLS[@]}"
load "search-api uncached" uncached "${API_URLS[@]}"; API_UNCACHED_RPS=$LAST_RPS
python3 -c "print(f'search API throughput: {100*$API_RPS/$STATIC_RPS:.0f} % of static (uncached: {100*$API_UNCACHED_RPS/$STATIC_RPS:.0f} %)')"
echo "peak RSS (VmHWM): $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' /proc/"$APP_PID"/status)"
