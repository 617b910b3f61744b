#!/usr/bin/env bash
# The whole platform in containers with podman, from the docker-compose.yml a Docker user runs: builds the images that
# are missing (images.sh; no registry needed), starts PostgreSQL, RabbitMQ, the services and the gateway in the order
# compose's "service_healthy" conditions give, seeds the demo data through the gateway and prints the address.
#
#   bash deploy/compose/up.sh               # build what is missing, start, seed
#   bash deploy/compose/up.sh --no-seed     # start only
#   bash deploy/compose/down.sh             # stop and remove the containers (--volumes: the data too)
#
# Only the gateway is published: http://127.0.0.1:$REDES_GATEWAY_PORT (5100). Passwords: generated once into
# .local/compose/<project>.env (mode 600; REDES_NATIONAL_PASSWORD and the seed's REDES_* passwords are taken when set)
# and passed to the containers as environment, never built into an image. More overrides: see lib.sh.
set -euo pipefail

source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)/lib.sh"

READY_TIMEOUT=${REDES_READY_TIMEOUT:-240}

new_password() { # Identity's rules need upper, lower, digit and a symbol; no ';' (connection strings) nor quotes.
    printf 'Rd-%s-9x' "$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)"
}

write_env_file() {
    [[ -s $ENV_FILE ]] && return 0
    mkdir -p "$STATE"
    (umask 077; cat >"$ENV_FILE" <<ENV
# Made by deploy/compose/up.sh for the project $PROJECT_NAME; read by podman-compose (docker compose's .env).
POSTGRES_PASSWORD=$(new_password)
REDES_OWNER_PASSWORD=$(new_password)
REDES_APP_PASSWORD=$(new_password)
RABBITMQ_USER=redes
RABBITMQ_PASSWORD=$(new_password)
NATIONAL_UNIT_EMAIL=${REDES_NATIONAL_EMAIL:-unidad@redes.pe}
NATIONAL_UNIT_PASSWORD=${REDES_NATIONAL_PASSWORD:-$(new_password)}
# The key producers' DNIs are hashed with (docs/decisions/0026); rotate by adding a version, never by editing this one.
DNI_HASH_KEY_V1=$(head -c 32 /dev/urandom | base64)
SMTP_HOST=
SMTP_USERNAME=
SMTP_PASSWORD=
ENV
    )
    log "generated the stack's passwords in $ENV_FILE"
}

# Health as the image's HEALTHCHECK says; run here because podman runs health checks on systemd timers, which a
# machine without systemd does not have.
wait_healthy() { # service...
    local service container deadline=$((SECONDS + READY_TIMEOUT))
    for service in "$@"; do
        container=$(container_of "$service")
        [[ -n $container ]] || die "no container for $service"
        until podman healthcheck run "$container" >/dev/null 2>&1; do
            if (( SECONDS >= deadline )); then
                podman logs --tail 40 "$container" >&2 || true
                die "$service is not healthy after ${READY_TIMEOUT}s (logs above; stop with deploy/compose/down.sh)"
            fi
            sleep 2
        done
        log "$service healthy"
    done
}

start() {
    local t0=$SECONDS
    # The same order as the conditions in docker-compose.yml (podman-compose 1.0 starts containers without waiting).
    compose up -d --no-build --no-deps postgres rabbitmq >"$STATE/$PROJECT_NAME-up.log" 2>&1 || { cat "$STATE/$PROJECT_NAME-up.log" >&2; die "podman-compose up failed"; }
    wait_healthy postgres rabbitmq
    compose up -d --no-build --no-deps tenants >>"$STATE/$PROJECT_NAME-up.log" 2>&1
    wait_healthy tenants
    compose up -d --no-build --no-deps networks financing reporting >>"$STATE/$PROJECT_NAME-up.log" 2>&1
    wait_healthy networks financing reporting
    compose up -d --no-build --no-deps gateway >>"$STATE/$PROJECT_NAME-up.log" 2>&1
    wait_healthy gateway
    STARTED_IN=$((SECONDS - t0))
    log "platform started in $STARTED_IN s"
}

seed() {
    local t0=$SECONDS secrets=$STATE/$PROJECT_NAME-secrets
    (umask 077; mkdir -p "$secrets")
    log "seeding demo data through the gateway (about 2-3 minutes)"
    REDES_NATIONAL_EMAIL=$NATIONAL_UNIT_EMAIL REDES_NATIONAL_PASSWORD=$NATIONAL_UNIT_PASSWORD \
        dotnet run --project "$REPO/deploy/local/seed" -c Release -- --gateway "$GATEWAY_URL" \
        --secrets-dir "$secrets" --accounts-out "$secrets/demo-accounts.txt" \
        || die "the demo seed failed (the containers are still running; re-run, or stop with deploy/compose/down.sh)"
    log "seed done in $((SECONDS - t0)) s"
}

summary() {
    local secrets=$STATE/$PROJECT_NAME-secrets
    echo
    echo "RedesPlataforma is up in containers ($((SECONDS - START)) s; project $PROJECT_NAME)."
    echo "  Portal and gateway: $GATEWAY_URL/   (the only published port)"
    echo "  API docs:           $GATEWAY_URL/scalar"
    echo "  Containers:         podman ps --filter label=io.podman.compose.project=$PROJECT_NAME"
    if [[ -s $secrets/demo-accounts.txt ]]; then
        echo "  Demo accounts:      ${secrets#"$REPO/"}/demo-accounts.txt"
        sed 's/^/    /' "$secrets/demo-accounts.txt"
    else
        echo "  National unit:      $NATIONAL_UNIT_EMAIL (password in ${ENV_FILE#"$REPO/"})"
    fi
    echo "Stop with: bash deploy/compose/down.sh [--volumes]"
}

main() {
    local no_seed=0 arg
    for arg in "$@"; do
        case $arg in
            --no-seed) no_seed=1 ;;
            *) sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
        esac
    done
    ensure_tools
    START=$SECONDS
    GATEWAY_URL=http://127.0.0.1:$GATEWAY_PORT
    write_env_file
    bash "$COMPOSE_DIR/images.sh"
    # shellcheck disable=SC1090  # generated above
    set -a; source "$ENV_FILE"; set +a
    export GATEWAY_PORT PORTAL_PUBLIC_URL=$GATEWAY_URL \
        POSTGRES_IMAGE=localhost/redes/postgres:$TAG RABBITMQ_IMAGE=localhost/redes/rabbitmq:$TAG
    start
    (( no_seed )) || seed
    summary
}

main "$@"
