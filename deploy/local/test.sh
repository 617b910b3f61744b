#!/usr/bin/env bash
# The project's one test command (README, .ci/run): starts the PostgreSQL and RabbitMQ the suites need
# (installing them from Debian packages on a fresh machine), then runs the portal's tests and every test project in the
# solution.
# Extra arguments go to `dotnet test`, e.g. --filter "FullyQualifiedName~Tenants".
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"

log="$(mktemp)"
portal_log="$(mktemp)"
build_log="$(mktemp)"
trap 'rm -f "$log" "$portal_log" "$build_log"' EXIT
started=$SECONDS
# A test that waits forever stops the run after 20 minutes of silence, naming itself, instead of holding CI until its
# limit (the longest test takes under a minute).
run_tests() { dotnet test "$1" -c Release --no-build --blame-hang-timeout 20m --blame-hang-dump-type none "${@:2}"; }
# With the compiler server (VBCSCompiler) even where the machine's environment turns it off (UseSharedCompilation=false,
# as on ours): one warm compiler for every project instead of a csc process per project loading Roslyn again. A clean
# build of the solution took 82 s and 139 s of CPU without it, 52 s and 100 s with it. Stopped when the run ends.
build() { dotnet build "$1" -c Release -p:UseSharedCompilation=true; }

# Neither build needs PostgreSQL or RabbitMQ, so both run while they start (on a fresh machine, while their packages
# install): the portal's (the end-to-end suite's gateway serves it) and the end-to-end project's, which builds every
# service, the gateway and the seed its stack runs. The portal's Vitest suite runs later, beside the end-to-end suite,
# not beside the compiler: on two cores, jsdom starved by the compiler times tests out.
bash deploy/local/portal.sh build >"$portal_log" 2>&1 &
portal_pid=$!
build tests/EndToEnd.Tests >"$build_log" 2>&1 &
build_pid=$!
bash deploy/local/infra.sh start --with-chaos || { kill "$portal_pid" "$build_pid" 2>/dev/null; exit 1; }
eval "$(bash deploy/local/infra.sh env)"

# Figures the suites measure (the portal's budgets) land here and are printed at the end.
rm -rf .local/figures
set +e
wait "$build_pid"
dotnet_build_status=$?
wait "$portal_pid"
portal_status=$?
cat "$build_log" "$portal_log" | tee -a "$log"
# The end-to-end suite is the longest (its stack's start and seed, then its tests one after another), so it starts
# first, in a process of its own, while the compiler builds the rest of the solution (which finds the stack's projects
# up to date and writes none of their files). Its tests mostly wait (on the browser, the stack, the broker).
e2e_log="$(mktemp)"
if (( dotnet_build_status == 0 )); then
    run_tests tests/EndToEnd.Tests "$@" >"$e2e_log" 2>&1 &
    e2e_pid=$!
fi
build RedesPlataforma.sln 2>&1 | tee -a "$log"
solution_build_status=${PIPESTATUS[0]}
(( dotnet_build_status == 0 )) && dotnet_build_status=$solution_build_status
# Beside the end-to-end suite run the other assemblies one at a time (two at once made every suite slower on two
# cores), then the portal's Vitest suite: the solution minus that project, as a solution filter made from the solution
# itself (a new project is in it without anyone listing it).
mkdir -p .local
rest=.local/all-but-end-to-end.slnf
dotnet sln RedesPlataforma.sln list | grep '\.csproj$' | grep -v '^tests/EndToEnd.Tests/' |
    awk 'BEGIN { printf "{ \"solution\": { \"path\": \"../RedesPlataforma.sln\", \"projects\": [" }
         { printf "%s\"%s\"", (NR > 1 ? ", " : ""), $0 }
         END { print "] } }" }' >"$rest"
run_tests "$rest" -m:1 "$@" 2>&1 | tee -a "$log"
status=${PIPESTATUS[0]}
bash deploy/local/portal.sh test 2>&1 | tee -a "$log"
vitest_status=${PIPESTATUS[0]}
(( portal_status == 0 )) && portal_status=$vitest_status
e2e_status=$dotnet_build_status
if [[ -v e2e_pid ]]; then
    wait "$e2e_pid"
    e2e_status=$?
fi
echo "[test] the end-to-end suite:"
tee -a "$log" <"$e2e_log"
rm -f "$e2e_log"
(( status == 0 )) && status=$e2e_status
set -e
(( status == 0 )) && status=$dotnet_build_status
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
dotnet build-server shutdown --vbcscompiler >/dev/null 2>&1 || true
echo "[test] finished in $((SECONDS - started)) s with exit code $status"
exit "$status"
