#!/usr/bin/env bash
# Stops what up.sh started: the gateway and services (SIGTERM, SIGKILL after
# 10 s), then PostgreSQL and RabbitMQ.
#
#   bash deploy/local/down.sh                # services and infrastructure
#   bash deploy/local/down.sh --keep-infra   # services only (tests still need the databases)
#
# Data stays (databases under .local/postgres, secrets under .local/secrets).
set -euo pipefail

source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)/lib.sh"

usage() {
    sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

main() {
    local keep_infra=0 arg
    for arg in "$@"; do
        case $arg in
            --keep-infra) keep_infra=1 ;;
            -h|--help) usage ;;
            *) log "unknown option: $arg"; usage ;;
        esac
    done

    load_infra_env
    take_lock
    stop_all
    log "services stopped"
    if (( keep_infra )); then
        log "leaving PostgreSQL and RabbitMQ running (--keep-infra)"
    else
        bash "$LOCAL_DIR/infra.sh" stop
    fi
}

main "$@"
