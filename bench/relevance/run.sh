#!/usr/bin/env bash
# Relevance benchmark: runs the relevance sets (tests/Samla.Tests/Search/Relevance: demo.tsv over the demo data through
# the app, heldout.tsv over services the demo data does not have) and prints success@3 and MRR with every miss.
# Usage: bench/relevance/run.sh [sqlite|postgres]   (postgres needs SAMLA_TEST_PG, as the tests do)
set -euo pipefail
cd "$(dirname "$0")/../.."
provider="${1:-sqlite}"
report="$(mktemp)"
trap 'rm -f "$report"' EXIT
dotnet build tests/Samla.Tests -c Release -nologo -clp:ErrorsOnly >/dev/null
SAMLA_TEST_PROVIDER="$provider" SAMLA_RELEVANCE_REPORT="$report" \
  dotnet test tests/Samla.Tests -c Release --no-build -nologo \
  --filter "FullyQualifiedName~Relevance" >/dev/null || true
echo "provider: $provider"
cat "$report"
