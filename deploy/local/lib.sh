# shellcheck shell=bash disable=SC2034  # variables here are used by the scripts that source this file
# Shared by up.sh and down.sh (sourced, not run).
#
# Overrides: REDES_PORT_OFFSET (0; added to every port below, e.g. 100 for a
# second stack next to a running one, with its files under .local/stack-100/), REDES_DB_SUFFIX (empty; appended to
# every database name), REDES_READY_TIMEOUT (90 s per service),
# REDES_ENVIRONMENT (ASPNETCORE_ENVIRONMENT, Development).

LOCAL_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
REPO=$(cd "$LOCAL_DIR/../.." && pwd -P)

# One row per backend service. A row whose project does not exist yet is
# skipped, so adding a service is one line here.
#   name        port  project (glob, relative to the repo)  database
SERVICES=(
    "tenants    5101  services/Tenants/*.csproj             redes_tenants"
    "networks   5102  services/Networks/*.csproj            redes_networks"
    "financing  5103  services/Financing/*.csproj           redes_financing"
    "reporting  5104  services/Reporting/*.csproj           redes_reporting"
)
# The public entry; started after the services it routes to.
GATEWAY_ROW="gateway    5100  gateway/Gateway.csproj            -"
# Tokens are issued by this row's service; everyone else validates against it.
IDENTITY_SERVICE=tenants

PORT_OFFSET=${REDES_PORT_OFFSET:-0}
DB_SUFFIX=${REDES_DB_SUFFIX:-}
[[ $PORT_OFFSET =~ ^[0-9]+$ ]] || { printf '[local] ERROR: REDES_PORT_OFFSET must be a number\n' >&2; exit 1; }

log()  { printf '[local] %s\n' "$*" >&2; }
warn() { printf '[local] WARNING: %s\n' "$*" >&2; }
die()  { printf '[local] ERROR: %s\n' "$*" >&2; exit 1; }

# Connection settings and the state dir (.local, or infra.sh's fallback) from infra.sh.
load_infra_env() {
    eval "$(bash "$LOCAL_DIR/infra.sh" env)"
    STATE=$REDES_LOCAL_STATE_DIR
    # A stack on other ports (REDES_PORT_OFFSET, e.g. the end-to-end tests' next to a developer's) keeps its own
    # logs, pids, secrets and keys, so neither up.sh/down.sh touches the other's processes.
    local stack=$STATE
    (( PORT_OFFSET == 0 )) || stack=$STATE/stack-$PORT_OFFSET
    LOGS=$stack/logs
    RUN=$stack/run
    SECRETS=$stack/secrets
    KEYS=$stack/keys
    # The Tenants service writes its e-mails (invitations, password resets) here as .eml files: no SMTP server locally.
    MAIL=$stack/mail
    # ...and its own RabbitMQ virtual host, or the two stacks' services would share (and steal from) each other's queues.
    VHOST=/
    (( PORT_OFFSET == 0 )) || VHOST=stack-$PORT_OFFSET
    mkdir -p "$LOGS" "$RUN" "$KEYS" "$MAIL"
    (umask 077; mkdir -p "$SECRETS")
}

# Serialises up.sh/down.sh runs of this checkout.
take_lock() {
    exec 8>>"$RUN/.lock"
    flock -w 120 8 || die "another up.sh/down.sh is running (lock $RUN/.lock)"
}

# Parses a table row into ROW_NAME ROW_PORT ROW_PROJECT ROW_DB; ROW_PROJECT is
# empty when no project matches yet.
parse_row() {
    local glob
    read -r ROW_NAME ROW_PORT glob ROW_DB <<<"$1"
    ROW_PORT=$((ROW_PORT + PORT_OFFSET))
    [[ $ROW_DB == - ]] || ROW_DB=$ROW_DB$DB_SUFFIX
    ROW_PROJECT=$(compgen -G "$REPO/$glob" | head -n1 || true)
}

port_of() { # name
    local row
    for row in "${SERVICES[@]}" "$GATEWAY_ROW"; do
        parse_row "$row"
        [[ $ROW_NAME == "$1" ]] && { echo "$ROW_PORT"; return; }
    done
    die "no service named $1"
}

pid_file() { echo "$RUN/$1.pid"; }

# Only a live process started from this checkout counts: a stale pid file may
# name an unrelated process after pid reuse.
running_pid() { # name -> prints pid
    local file pid
    file=$(pid_file "$1")
    [[ -s $file ]] || return 1
    pid=$(<"$file")
    [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$REPO/" || return 1
    echo "$pid"
}

stop_service() { # name
    local name=$1 pid waited=0
    if ! pid=$(running_pid "$name"); then
        rm -f "$(pid_file "$name")"
        return 0
    fi
    log "stopping $name (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    # Graceful shutdown lets the host finish requests and the outbox dispatcher stop cleanly.
    while kill -0 "$pid" 2>/dev/null && (( waited < 100 )); do sleep 0.1; waited=$((waited + 1)); done
    if kill -0 "$pid" 2>/dev/null; then
        warn "$name did not stop within 10 s; killing it"
        kill -KILL "$pid" 2>/dev/null || true
        while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    fi
    rm -f "$(pid_file "$name")"
}

# Every service with a pid file, known to the table or not (a row may have
# been removed since it was started). The gateway goes first so it does not
# route to backends that are shutting down.
stop_all() {
    local file name
    stop_service gateway
    for file in "$RUN"/*.pid; do
        [[ -e $file ]] || continue
        name=$(basename "$file" .pid)
        stop_service "$name"
    done
}
