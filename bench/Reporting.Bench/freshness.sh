#!/usr/bin/env bash
# Freshness of the national figures (see docs/performance.md, "Reporting"): starts a second local stack (ports +400,
# databases *_bench, RabbitMQ vhost stack-400, seeded with the demo data), measures write-at-the-gateway -> visible in
# GET api/reporting/national under background writes (bench/Reporting.Bench, --freshness-against), then stops that
# stack (down.sh --keep-infra: PostgreSQL and RabbitMQ keep running) and drops its databases and vhost.
#   bash bench/Reporting.Bench/freshness.sh [measured writes, 200] [background writers, 4] [poll ms, 20]
# REDES_BENCH_PORT_OFFSET and REDES_BENCH_DB_SUFFIX move the second stack (default 400 and _bench).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"

source bench/second-stack.sh
second_stack_up "${REDES_BENCH_PORT_OFFSET:-400}" "${REDES_BENCH_DB_SUFFIX:-_bench}" bench/Reporting.Bench

dotnet run -c Release --no-build --project bench/Reporting.Bench -- --freshness-against "$STACK_GATEWAY" "$@"
