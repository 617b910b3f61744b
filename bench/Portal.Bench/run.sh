#!/usr/bin/env bash
# The portal on a slow link and offline (see docs/performance.md, "Portal"): starts a second local stack (ports +500,
# databases *_portalbench, demo seed; the portal built as up.sh builds it), drives Debian's Chromium through Playwright,
# then takes the stack down.
#   bash bench/Portal.Bench/run.sh [dashboard|sync|startup|all] [runs]
#     dashboard  sign-in as Agro Rural's supervisor to the dashboard at 400 kbit/s, 400 ms latency (10 runs)
#     sync       200 changes queued offline by a specialist, synced at 400 kbit/s, 400 ms latency (3 runs)
#     startup    the installed app opened offline on /mi-trabajo and /productores (10 runs each)
#   (a number alone, as before, is the dashboard's runs)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"

scenario=dashboard
if [[ ${1:-} =~ ^(dashboard|sync|startup|all)$ ]]; then scenario=$1; shift; fi

source bench/second-stack.sh
second_stack_up 500 _portalbench bench/Portal.Bench

dotnet run -c Release --no-build --project bench/Portal.Bench -- "$STACK_GATEWAY" "$REDES_DEMO_STAFF_PASSWORD" "$scenario" "$@"
