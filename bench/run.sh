#!/usr/bin/env bash
# Outbox end-to-end latency bench (see bench/README.md). Starts the local PostgreSQL and RabbitMQ if needed,
# then runs bench/Outbox.Bench in Release. Extra arguments go to the bench, e.g. --burst 2000 --only sequential,burst
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

bash deploy/local/infra.sh start
eval "$(bash deploy/local/infra.sh env)"

exec dotnet run -c Release --project bench/Outbox.Bench -- "$@"
