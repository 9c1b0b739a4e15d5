#!/usr/bin/env bash
# The long fuzz pass over every importer (HSDS JSON, NDJSON, data package zip, template CSV and XLSX): N mutated files
# (default 5 000) from the kept corpus tests/Samla.Tests/Exchange/Fuzz/corpus, each imported for real with a 30 s limit
# and checked for a clear error or a correct import, never an exception, a hang or a partial write; every tenth also
# through POST /api/hsds/import (never a 500). The test command runs the same test with 300 files.
#   bench/fuzz/run.sh [--count N] [--seed S] [--postgres CONN]
# Prints the counts (files, accepted, rejected with a clear error, failures) as JSON; exits non-zero on any failure.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
COUNT=5000 SEED=20261130 PG=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --count) COUNT="$2" ;;
        --seed) SEED="$2" ;;
        --postgres) PG="$2" ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift 2
done
cd "$ROOT"
dotnet build tests/Samla.Tests -c Release -nologo -clp:ErrorsOnly
report=$(mktemp /tmp/samla-fuzz-report.XXXXXX.json)
provider=(SAMLA_TEST_PROVIDER=sqlite)
[[ -n "$PG" ]] && provider=(SAMLA_TEST_PROVIDER=postgres "SAMLA_TEST_PG=$PG")
status=0
env "${provider[@]}" SAMLA_FUZZ_COUNT="$COUNT" SAMLA_FUZZ_SEED="$SEED" SAMLA_FUZZ_REPORT="$report" \
    dotnet test tests/Samla.Tests -c Release --no-build --nologo \
    --filter "FullyQualifiedName~ImportHardeningTests.Fuzzed_files" --logger "console;verbosity=normal" || status=$?
echo "== fuzz report"
cat "$report"; echo
rm -f "$report"
exit "$status"
