#!/usr/bin/env bash
# National dashboard bench (see docs/performance.md, "Reporting"). Starts the local PostgreSQL if needed, then runs
# bench/Reporting.Bench in Release. Extra arguments go to the bench, e.g. --tenants 50 --producers 100000 --networks 5000 --runs 50
# With --freshness, runs bench/Reporting.Bench/freshness.sh instead (a second local stack, writes through the gateway).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"

if [[ "${1:-}" == "--freshness" ]]; then shift; exec bash bench/Reporting.Bench/freshness.sh "$@"; fi

bash deploy/local/infra.sh start
eval "$(bash deploy/local/infra.sh env)"

exec dotnet run -c Release --project bench/Reporting.Bench -- "$@"
