#!/usr/bin/env bash
# The project's one test command (README, .ci/run): starts the PostgreSQL and RabbitMQ the suites need
# (installing them from Debian packages on a fresh machine), then runs every test project in the solution.
# Extra arguments go to `dotnet test`, e.g. --filter "FullyQualifiedName~Tenants".
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"

bash deploy/local/infra.sh start --with-chaos
eval "$(bash deploy/local/infra.sh env)"

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
started=$SECONDS
# Figures the suites measure (the portal's budgets) land here and are printed at the end.
rm -rf .local/figures
set +e
# The portal first: its component tests, and the build the end-to-end suite's gateway serves.
bash deploy/local/portal.sh test 2>&1 | tee "$log"
portal_status=${PIPESTATUS[0]}
bash deploy/local/portal.sh build 2>&1 | tee -a "$log"
build_status=${PIPESTATUS[0]}
(( portal_status == 0 )) && portal_status=$build_status
# A test that waits forever stops the run after 20 minutes of silence, naming itself, instead of holding CI until its
# limit (the longest test takes about 4 minutes).
dotnet test RedesPlataforma.sln -c Release --blame-hang-timeout 20m --blame-hang-dump-type none "$@" 2>&1 | tee -a "$log"
status=${PIPESTATUS[0]}
set -e
(( status == 0 )) && status=$portal_status

if compgen -G ".local/figures/*.txt" >/dev/null; then
    echo "[test] measured:"
    sed 's/^/  /' .local/figures/*.txt
fi

# One plain closing line over all test assemblies and the portal's Vitest run ("N passed, N failed"), so CI can read
# the totals.
sed 's/\x1b\[[0-9;]*m//g' "$log" | awk '
    /(Passed|Failed)!  - Failed:/ { gsub(",", ""); failed += $4; passed += $6; skipped += $8 }
    /^ *Tests +[0-9]/ { for (i = 2; i < NF; i++) { if ($(i+1) ~ /^passed/) passed += $i; if ($(i+1) ~ /^failed/) failed += $i; if ($(i+1) ~ /^skipped/) skipped += $i } }
    END { printf "Tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped }'
echo "[test] finished in $((SECONDS - started)) s with exit code $status"
exit "$status"
