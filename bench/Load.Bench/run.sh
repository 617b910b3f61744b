#!/usr/bin/env bash
# Mixed load through the gateway (see docs/performance.md, "Mixed load through the gateway"): starts a second local
# stack (ports +900, databases *_l9, RabbitMQ vhost stack-900, demo seed), runs bench/Load.Bench against its gateway
# (set-up through the public API, rate steps, noisy neighbour), then takes the stack down and drops its databases.
#   bash bench/Load.Bench/run.sh                                   # 40 tenants, 100 … 1,500 req/s until a step misses the goal
#   bash bench/Load.Bench/run.sh --rates 200,400,600 --step 20     # other steps
#   bash bench/Load.Bench/run.sh --only noisy --steady-rate 200    # the noisy neighbour only
#   bash bench/Load.Bench/run.sh --lock /path/to/lockfile          # measure only while holding that flock (shared machines)
# LOAD_BENCH_OFFSET / LOAD_BENCH_SUFFIX move the stack (900 / _l9).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"

source bench/second-stack.sh
# The bench onboards its own tenants; the demo institutions would only lengthen the start.
SECOND_STACK_UP_ARGS=--no-seed
second_stack_up "${LOAD_BENCH_OFFSET:-900}" "${LOAD_BENCH_SUFFIX:-_l9}" bench/Load.Bench

dotnet run -c Release --no-build --project bench/Load.Bench -- \
    --gateway "$STACK_GATEWAY" --run-dir "$REDES_LOCAL_STATE_DIR/stack-$REDES_PORT_OFFSET/run" "$@"
