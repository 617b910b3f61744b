#!/usr/bin/env bash
# Freshness of the national figures (see docs/performance.md, "Reporting"): starts a second local stack (ports +400,
# databases *_bench, RabbitMQ vhost stack-400, seeded with the demo data), measures write-at-the-gateway -> visible in
# GET api/reporting/national under background writes (bench/Reporting.Bench, --freshness-against), then stops that
# stack (down.sh --keep-infra: PostgreSQL and RabbitMQ keep running) and drops its databases and vhost.
#   bash bench/Reporting.Bench/freshness.sh [measured writes, 200] [background writers, 4] [poll ms, 20]
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"

export REDES_PORT_OFFSET=400 REDES_DB_SUFFIX=_bench
password() { printf 'Bench-%s-9x' "$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"; }
export REDES_NATIONAL_PASSWORD=${REDES_NATIONAL_PASSWORD:-$(password)}
export REDES_AGRORURAL_ADMIN_PASSWORD=${REDES_AGRORURAL_ADMIN_PASSWORD:-$(password)}
export REDES_ANDINA_ADMIN_PASSWORD=${REDES_ANDINA_ADMIN_PASSWORD:-$(password)}
export REDES_DEMO_STAFF_PASSWORD=${REDES_DEMO_STAFF_PASSWORD:-$(password)}

teardown() {
    bash deploy/local/down.sh --keep-infra || true
    bash deploy/local/db.sh drop redes_tenants_bench redes_networks_bench redes_financing_bench redes_reporting_bench || true
    rabbitmqctl -n redes@localhost delete_vhost stack-400 >/dev/null 2>&1 || true
}

bash deploy/local/infra.sh start
eval "$(bash deploy/local/infra.sh env)"
teardown # whatever an interrupted run left behind: the seed then starts from empty databases
trap teardown EXIT

dotnet build -c Release bench/Reporting.Bench >/dev/null
start=$(date +%s)
bash deploy/local/up.sh
echo "stack up and seeded in $(( $(date +%s) - start )) s"

dotnet run -c Release --no-build --project bench/Reporting.Bench -- --freshness-against "http://127.0.0.1:$((5100 + REDES_PORT_OFFSET))/" "$@"
