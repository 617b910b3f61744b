# shellcheck shell=bash
# Sourced by the benches that need the whole platform: a second local stack beside a developer's (ports + OFFSET,
# databases *SUFFIX, RabbitMQ vhost stack-OFFSET), seeded with the demo data under passwords made for the run, and
# taken down (databases and vhost dropped, PostgreSQL and RabbitMQ left running) when the bench exits.
#   second_stack_up OFFSET SUFFIX [project to build first]
# SECOND_STACK_UP_ARGS: more options for up.sh (e.g. --no-seed for a bench that brings its own data).
second_stack_up() {
    export REDES_PORT_OFFSET=$1 REDES_DB_SUFFIX=$2
    password() { printf 'Bench-%s-9x' "$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"; }
    export REDES_NATIONAL_PASSWORD=${REDES_NATIONAL_PASSWORD:-$(password)}
    export REDES_AGRORURAL_ADMIN_PASSWORD=${REDES_AGRORURAL_ADMIN_PASSWORD:-$(password)}
    export REDES_ANDINA_ADMIN_PASSWORD=${REDES_ANDINA_ADMIN_PASSWORD:-$(password)}
    export REDES_DEMO_STAFF_PASSWORD=${REDES_DEMO_STAFF_PASSWORD:-$(password)}

    bash deploy/local/infra.sh start
    eval "$(bash deploy/local/infra.sh env)"
    second_stack_down # whatever an interrupted run left behind: the seed then starts from empty databases
    trap second_stack_down EXIT

    [[ -z ${3:-} ]] || dotnet build -c Release "$3" >/dev/null
    local start=$SECONDS
    # shellcheck disable=SC2086  # the options are words
    bash deploy/local/up.sh ${SECOND_STACK_UP_ARGS:-}
    echo "stack up${SECOND_STACK_UP_ARGS:+ ($SECOND_STACK_UP_ARGS)} in $((SECONDS - start)) s"
    STACK_GATEWAY="http://127.0.0.1:$((5100 + REDES_PORT_OFFSET))/"
}

second_stack_down() {
    bash deploy/local/down.sh --keep-infra || true
    bash deploy/local/db.sh drop "redes_tenants$REDES_DB_SUFFIX" "redes_networks$REDES_DB_SUFFIX" \
        "redes_financing$REDES_DB_SUFFIX" "redes_reporting$REDES_DB_SUFFIX" || true
    rabbitmqctl -n "${REDES_RABBIT_NODE:-redes@localhost}" delete_vhost "stack-$REDES_PORT_OFFSET" >/dev/null 2>&1 || true
}
