#!/usr/bin/env bash
# The portal on a slow link (see docs/performance.md, "Portal"): starts a second local stack (ports +500, databases
# *_portalbench, demo seed; the portal built as up.sh builds it), signs in as Agro Rural's supervisor in Chromium at
# 400 kbit/s and 400 ms latency and times the dashboard, then takes the stack down.
#   bash bench/Portal.Bench/run.sh [runs, 10]
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"

source bench/second-stack.sh
second_stack_up 500 _portalbench bench/Portal.Bench

dotnet run -c Release --no-build --project bench/Portal.Bench -- "$STACK_GATEWAY" carmen.huaman@agrorural.demo.pe "$REDES_DEMO_STAFF_PASSWORD" "$@"
