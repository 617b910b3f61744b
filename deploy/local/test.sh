#!/usr/bin/env bash
# The project's one test command (README, .ci/run): starts the PostgreSQL and RabbitMQ the suites need
# (installing them from Debian packages on a fresh machine), then runs every test project in the solution.
# Extra arguments go to `dotnet test`, e.g. --filter "FullyQualifiedName~Tenants".
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"

bash deploy/local/infra.sh start
eval "$(bash deploy/local/infra.sh env)"

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
started=$SECONDS
set +e
dotnet test RedesPlataforma.sln -c Release "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One plain closing line over all test assemblies ("N passed, N failed"), so CI can read the totals.
awk '/(Passed|Failed)!  - Failed:/ { gsub(",", ""); failed += $4; passed += $6; skipped += $8 }
     END { printf "Tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped }' "$log"
echo "[test] finished in $((SECONDS - started)) s with exit code $status"
exit "$status"
