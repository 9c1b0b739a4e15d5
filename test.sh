#!/usr/bin/env bash
# Runs every test: integration tests on SQLite and on PostgreSQL, the format and migrations checks, and the
# browser tests. Installs what a fresh Debian 12 machine with only the .NET SDK lacks.
# The last line is always: tests: N passed, N failed
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
started=$(date +%s)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
config=Release
results="$root/TestResults"
rm -rf "$results"
mkdir -p "$results"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# --- 1. system packages (apt-get update only when something is missing) -------------------
missing=()
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s fonts-noto-core >/dev/null 2>&1 || missing+=(fonts-noto-core)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
fi

# --- 2. a throwaway PostgreSQL cluster on 127.0.0.1 ----------------------------------------
pgbin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
port=${SAMLA_PG_PORT:-55432}
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
while port_busy "$port"; do port=$((port + 1)); done
pgdir=$(mktemp -d /tmp/samla-pg.XXXXXX)
if [ "$(id -u)" = 0 ]; then chown postgres "$pgdir"; as_pg=(runuser -u postgres --); else as_pg=(); fi
cleanup() {
  "${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pgdir"
}
trap cleanup EXIT
"${as_pg[@]}" "$pgbin/initdb" -A trust -U postgres -E UTF8 --no-sync -D "$pgdir/data" >"$pgdir/initdb.log"
# A throwaway cluster: durability settings off for speed.
"${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w start \
  -o "-p $port -k $pgdir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
echo "== PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"

# --- 3. build once (warnings are errors, see Directory.Build.props) ------------------------
echo "== build ($config)"
dotnet build Samla.sln -c "$config" -nologo -clp:ErrorsOnly

failed_checks=0 format_failed=0
echo "== format check (dotnet format --verify-no-changes)"
if ! dotnet format Samla.sln --verify-no-changes; then
  echo "!! format check failed: run 'dotnet format Samla.sln' and commit"; failed_checks=$((failed_checks + 1)); format_failed=1
fi
echo "== migrations check (both providers)"
if ! scripts/migrations.sh check; then
  echo "!! migrations check failed: a model change lacks a migration"; failed_checks=$((failed_checks + 1))
fi

# --- 3b. known vulnerabilities in NuGet packages (fails on a high or critical advisory) ------
# `dotnet list package --vulnerable` reports "no vulnerable packages" also when the source serves no vulnerability
# data at all (a mirror): so first ask each source's service index for a VulnerabilityInfo resource, and say plainly
# when there is none instead of passing silently.
vuln_status="not run" vuln_failed=0
echo "== vulnerable packages (dotnet list package --vulnerable --include-transitive)"
vuln_json=$(dotnet list Samla.sln package --vulnerable --include-transitive --format json 2>&1) || true
vuln_sources=$(tr -d '\n' <<<"$vuln_json" | grep -o '"sources": *\[[^]]*\]' | grep -o 'https\?://[^"]*' || true)
vuln_data=0
for src in $vuln_sources; do
  if command -v curl >/dev/null && curl -fsS -m 20 "$src" 2>/dev/null | grep -q '"VulnerabilityInfo'; then vuln_data=1; fi
done
if ! grep -q '"projects"' <<<"$vuln_json"; then
  echo "!! vulnerability check could not run:"; echo "$vuln_json" | tail -5
  vuln_status="FAILED (could not run)"; failed_checks=$((failed_checks + 1)) vuln_failed=1
elif [ "$vuln_data" -eq 0 ]; then
  echo "!! vulnerability check NOT DONE: no package source here serves vulnerability data (${vuln_sources:-no sources});"
  echo "!! 'no vulnerable packages' would mean nothing. Configure an auditSources entry with vulnerability data to check."
  vuln_status="NOT CHECKED (no vulnerability data at the package sources)"
elif grep -Eqi '"severity": *"(high|critical)"' <<<"$vuln_json"; then
  echo "!! high or critical advisories:"; grep -Ei -B3 '"severity": *"(high|critical)"' <<<"$vuln_json" | grep -E '"id"|"advisoryurl"|"severity"' || true
  vuln_status="FAILED (high or critical advisory)"; failed_checks=$((failed_checks + 1)) vuln_failed=1
else
  vuln_status="ok (no high or critical advisory; $( (grep -Eoi '"severity": *"(low|moderate)"' <<<"$vuln_json" || true) | wc -l) low/moderate)"
fi

# --- 4. test runs --------------------------------------------------------------------------
total_passed=0 total_failed=0 summary=()
counter() { local v; v=$(sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$2"); echo "${v:-0}"; }
run_tests() { # label project [VAR=value ...]
  local label=$1 project=$2; shift 2
  echo "== tests: $label"
  local run_start; run_start=$(date +%s)
  env "$@" dotnet test "$project" -c "$config" --no-build --nologo ${filter:+--filter "$filter"} \
    --logger "trx;LogFileName=$label.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" --blame-hang-timeout 15m || true
  local trx="$results/$label.trx" passed=0 failed=0
  if [ -f "$trx" ]; then
    local counters; counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
    passed=$(counter passed "$counters")
    failed=$(( $(counter failed "$counters") + $(counter error "$counters") + $(counter timeout "$counters") + $(counter aborted "$counters") ))
  else
    failed=1 # the run itself broke (no results file)
  fi
  total_passed=$((total_passed + passed)); total_failed=$((total_failed + failed))
  summary+=("$(printf '%-22s %4d passed, %4d failed  (%ds)' "$label" "$passed" "$failed" $(( $(date +%s) - run_start )))")
}

run_tests sqlite tests/Samla.Tests SAMLA_TEST_PROVIDER=sqlite
run_tests postgres tests/Samla.Tests SAMLA_TEST_PROVIDER=postgres "SAMLA_TEST_PG=Host=127.0.0.1;Port=$port;Username=postgres"
# Two app instances behind nginx (round robin) on the throwaway PostgreSQL: the cluster tests (scripts/cluster.sh).
cluster_port=8480
while port_busy "$cluster_port" || port_busy $((cluster_port + 1)) || port_busy $((cluster_port + 2)); do cluster_port=$((cluster_port + 3)); done
cluster_dir=$(mktemp -d /tmp/samla-cluster.XXXXXX)
trap 'scripts/cluster.sh stop --dir "$cluster_dir" >/dev/null 2>&1 || true; rm -rf "$cluster_dir"; cleanup' EXIT
echo "== cluster: two instances behind nginx on 127.0.0.1:$cluster_port"
if scripts/cluster.sh start --postgres "Host=127.0.0.1;Port=$port;Username=postgres" --dir "$cluster_dir" --port "$cluster_port" >"$results/cluster-start.log" 2>&1; then
  mapfile -t cluster_env < <(set -a; source "$cluster_dir/cluster.env"; env | grep '^SAMLA_CLUSTER_')
  filter="Category=Cluster" run_tests cluster tests/Samla.Tests "${cluster_env[@]}"
else
  tail -40 "$results/cluster-start.log"
  total_failed=$((total_failed + 1)); summary+=("cluster                did not start (TestResults/cluster-start.log)")
fi
scripts/cluster.sh stop --dir "$cluster_dir" >/dev/null 2>&1 || true
cp "$cluster_dir"/*.log "$results/" 2>/dev/null || true

run_tests browser tests/Samla.BrowserTests "SAMLA_TEST_RESULTS=$results/browser"

# --- 5. summary -----------------------------------------------------------------------------
echo
echo "== summary (trx files, screenshots and traces of failed browser tests: $results)"
printf '%s\n' "${summary[@]}"
[ "$format_failed" -eq 0 ] && echo "format check: ok" || echo "format check: FAILED"
[ "$((failed_checks - format_failed - vuln_failed))" -eq 0 ] && echo "migrations check: ok" || echo "migrations check: FAILED"
echo "vulnerability check: $vuln_status"
elapsed=$(( $(date +%s) - started ))
printf 'elapsed: %dm%02ds\n' $((elapsed / 60)) $((elapsed % 60))
echo "tests: $total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ] && [ "$failed_checks" -eq 0 ]
