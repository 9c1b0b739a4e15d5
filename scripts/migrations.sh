#!/usr/bin/env bash
# Adds a migration to both providers: scripts/migrations.sh add NAME
# Checks both for model changes without a migration: scripts/migrations.sh check
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:$HOME/.dotnet/tools"
command -v dotnet-ef >/dev/null || dotnet tool install --global dotnet-ef --version 10.0.15 >/dev/null
project=src/Samla.Web
case "${1:-}" in
  add)
    name=${2:?usage: migrations.sh add NAME}
    dotnet ef migrations add "$name" --project $project --context SqliteSamlaDbContext --output-dir Data/Migrations/Sqlite
    dotnet ef migrations add "$name" --project $project --context PostgresSamlaDbContext --output-dir Data/Migrations/Postgres
    ;;
  check)
    dotnet ef migrations has-pending-model-changes --project $project --context SqliteSamlaDbContext
    dotnet ef migrations has-pending-model-changes --project $project --context PostgresSamlaDbContext
    ;;
  *) echo "usage: scripts/migrations.sh add NAME | check" >&2; exit 2 ;;
esac
