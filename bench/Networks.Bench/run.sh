#!/usr/bin/env bash
# Producer import and list bench (see docs/performance.md, "Producers"). Starts the local PostgreSQL if needed, then runs
# bench/Networks.Bench in Release. Extra arguments go to the bench, e.g. --rows 20000 --runs 50 --only import
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"

bash deploy/local/infra.sh start
eval "$(bash deploy/local/infra.sh env)"

exec dotnet run -c Release --project bench/Networks.Bench -- "$@"
