#!/usr/bin/env bash
# The whole platform on this machine: infrastructure, databases, a Release
# build, every service and the gateway on loopback ports, and the demo data.
#
#   bash deploy/local/up.sh              # (re)start everything and seed the demo data
#   bash deploy/local/up.sh --no-seed    # skip the demo seeder
#   bash deploy/local/up.sh --no-build   # start what was built last time
#   bash deploy/local/up.sh --restart=reporting   # (re)start one service of the running stack, nothing else
#   bash deploy/local/down.sh            # stop it again
#
# Re-running restarts the services so a new build takes effect; the seed only
# adds what is missing. Logs: .local/logs/<name>.log, pids: .local/run/.
# Passwords: REDES_NATIONAL_PASSWORD (national-unit account), else generated
# once into .local/secrets/; demo accounts end up in .local/secrets/demo-accounts.txt.
# More overrides: see deploy/local/lib.sh.
set -euo pipefail

source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)/lib.sh"

CONFIGURATION=Release
READY_TIMEOUT=${REDES_READY_TIMEOUT:-90}
ENVIRONMENT=${REDES_ENVIRONMENT:-Development}
NATIONAL_EMAIL=${REDES_NATIONAL_EMAIL:-unidad@redes.pe}
SEED_PROJECT=$LOCAL_DIR/seed/Seed.csproj

# ---------------------------------------------------------------------------
# Secrets
# ---------------------------------------------------------------------------
# Same convention as the seeder (seed/Secrets.cs): env var, else
# .local/secrets/<name>.txt, else generated once and stored there.
secret_get() { # name env-var
    local name=$1 var=$2 file value
    if [[ -n ${!var:-} ]]; then printf '%s' "${!var}"; return; fi
    file=$SECRETS/$name.txt
    if [[ -s $file ]]; then head -n1 "$file"; return; fi
    # Identity's default rules need upper, lower, digit and a symbol.
    value=$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
    value="Rd-${value:0:16}-9x"
    (umask 077; printf '%s\n' "$value" >"$file")
    log "generated a password for $name in $file"
    printf '%s' "$value"
}

# The key producers' DNIs are hashed with in Networks' events (docs/decisions/0026):
# REDES_DNI_HASH_KEY, else .local/secrets/dni-hash-key-v1.txt, else 32 random
# bytes generated once and stored there (base64).
dni_hash_key() {
    local file=$SECRETS/dni-hash-key-v1.txt
    if [[ -n ${REDES_DNI_HASH_KEY:-} ]]; then printf '%s' "$REDES_DNI_HASH_KEY"; return; fi
    if [[ ! -s $file ]]; then
        (umask 077; head -c 32 /dev/urandom | base64 >"$file")
        log "generated the DNI hash key in $file"
    fi
    head -n1 "$file"
}

# ---------------------------------------------------------------------------
# Which services exist
# ---------------------------------------------------------------------------
# ACTIVE: rows (name port project db) whose project exists. GATEWAY: the same
# for the gateway, or empty.
select_services() {
    ACTIVE=()
    local row
    for row in "${SERVICES[@]}"; do
        parse_row "$row"
        if [[ -n $ROW_PROJECT ]]; then
            ACTIVE+=("$ROW_NAME $ROW_PORT $ROW_PROJECT $ROW_DB")
        fi
    done
    (( ${#ACTIVE[@]} )) || die "no service projects found under $REPO/services"
    parse_row "$GATEWAY_ROW"
    GATEWAY=""
    [[ -n $ROW_PROJECT ]] && GATEWAY="$ROW_NAME $ROW_PORT $ROW_PROJECT -"
    local names=() r
    for r in "${ACTIVE[@]}"; do names+=("${r%% *}"); done
    log "services: ${names[*]}${GATEWAY:+ + gateway}"
}

create_databases() {
    local dbs=() r name port project db
    for r in "${ACTIVE[@]}"; do
        read -r name port project db <<<"$r"
        dbs+=("$db")
    done
    bash "$LOCAL_DIR/db.sh" create "${dbs[@]}"
}

# ---------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------
target_path() { # project
    dotnet msbuild "$1" -nologo -getProperty:TargetPath -p:Configuration="$CONFIGURATION" 2>/dev/null | tail -n1
}

build_project() { # project -> 0/1, output appended to the build log
    local project=$1
    log "building ${project#"$REPO/"}"
    dotnet build "$project" -c "$CONFIGURATION" -nologo -v minimal >>"$BUILD_LOG" 2>&1
}

show_build_errors() {
    grep -E ': (error|warning) ' "$BUILD_LOG" | sort -u | tail -n 20 >&2 || tail -n 30 "$BUILD_LOG" >&2
}

# One solution build when there is a solution (MSBuild builds its projects in
# parallel). If that fails, or there is none, each project is built on its own
# so that a gateway still being written does not keep the services from starting.
build_all() {
    local t0=$SECONDS sln="" candidate r name port project db solution_ok=0
    BUILD_LOG=$LOGS/build.log
    : >"$BUILD_LOG"
    for candidate in "$REPO/RedesPlataforma.sln" "$REPO/RedesPlataforma.slnx"; do
        if [[ -f $candidate ]]; then sln=$candidate; break; fi
    done

    if [[ -n $sln ]]; then
        log "building $(basename "$sln") ($CONFIGURATION; log $BUILD_LOG)"
        if dotnet build "$sln" -c "$CONFIGURATION" -nologo -v minimal >>"$BUILD_LOG" 2>&1; then
            solution_ok=1
        else
            show_build_errors
            warn "the solution build failed; building the projects one by one"
        fi
    fi

    for r in "${ACTIVE[@]}"; do
        read -r name port project db <<<"$r"
        # A project missing from the solution has no output yet.
        if (( ! solution_ok )) || [[ ! -f $(target_path "$project") ]]; then
            build_project "$project" || { show_build_errors; die "build of $name failed (log $BUILD_LOG)"; }
        fi
    done

    if [[ -n $GATEWAY ]]; then
        read -r name port project db <<<"$GATEWAY"
        if (( ! solution_ok )) || [[ ! -f $(target_path "$project") ]]; then
            if ! build_project "$project"; then
                show_build_errors
                warn "the gateway does not build; starting without it (clients use the services directly)"
                GATEWAY=""
            fi
        fi
    fi

    if (( ! NO_SEED )); then
        build_project "$SEED_PROJECT" || { show_build_errors; die "build of the seeder failed (log $BUILD_LOG)"; }
    fi
    bash "$LOCAL_DIR/portal.sh" build >>"$BUILD_LOG" 2>&1 || { tail -n 30 "$BUILD_LOG" >&2; die "build of the web portal failed (log $BUILD_LOG)"; }
    log "build done in $((SECONDS - t0))s"
}

# ---------------------------------------------------------------------------
# Processes
# ---------------------------------------------------------------------------
# shellcheck disable=SC2016  # $0 expands in the inner shell
port_in_use() { timeout 1 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$0"' "$1" 2>/dev/null; }

# Checked before the build, so a foreign process on a port fails fast.
ensure_ports_free() {
    local r name port project db
    for r in "${ACTIVE[@]}" ${GATEWAY:+"$GATEWAY"}; do
        read -r name port project db <<<"$r"
        port_in_use "$port" || continue
        die "port $port (for $name) is taken by a process not started by up.sh:
$(ss -ltnp 2>/dev/null | grep -E ":$port\b" || true)
Stop it, or run a second stack on other ports: REDES_PORT_OFFSET=100 REDES_DB_SUFFIX=_alt bash deploy/local/up.sh"
    done
}

ensure_vhost() {
    [[ $VHOST == / ]] && return 0
    rabbitmqctl -q -n "$REDES_RABBIT_NODE" add_vhost "$VHOST" >/dev/null 2>&1 || true # already there on a re-run
    rabbitmqctl -q -n "$REDES_RABBIT_NODE" set_permissions -p "$VHOST" "$REDES_RABBIT_USER" '.*' '.*' '.*' >/dev/null \
        || die "could not grant $REDES_RABBIT_USER the RabbitMQ virtual host $VHOST"
}

# REDES_PG_MAX_POOL_SIZE replaces each connection pool's cap (16 unless set: ServiceDataSource, ADR 0037).
connection_string() { # db user password
    printf 'Host=%s;Port=%s;Database=%s;Username=%s;Password=%s' "$REDES_PG_HOST" "$REDES_PG_PORT" "$1" "$2" "$3"
    [[ -z ${REDES_PG_MAX_POOL_SIZE:-} ]] || printf ';Maximum Pool Size=%s' "$REDES_PG_MAX_POOL_SIZE"
}

# Configuration for a backend service, as KEY=VALUE words for env(1).
service_env() { # name port db
    local name=$1 port=$2 db=$3
    SERVICE_ENV=(
        ASPNETCORE_URLS="http://127.0.0.1:$port"
        ASPNETCORE_ENVIRONMENT="$ENVIRONMENT"
        ConnectionStrings__Database="$(connection_string "$db" "$REDES_PG_APP_USER" "$REDES_PG_APP_PASSWORD")"
        ConnectionStrings__DatabaseOwner="$(connection_string "$db" "$REDES_PG_OWNER_USER" "$REDES_PG_OWNER_PASSWORD")"
        Database__MigrateOnStartup=true
        Identity__Authority="$IDENTITY_URL"
        Messaging__Host="$REDES_RABBIT_HOST"
        Messaging__Port="$REDES_RABBIT_PORT"
        Messaging__VirtualHost="$VHOST"
        Messaging__Username="$REDES_RABBIT_USER"
        Messaging__Password="$REDES_RABBIT_PASSWORD"
    )
    if [[ $name == networks ]]; then
        SERVICE_ENV+=(Producers__DniHashCurrent=v1 Producers__DniHashKeys__v1="$(dni_hash_key)")
    fi
    if [[ $name == "$IDENTITY_SERVICE" ]]; then
        SERVICE_ENV+=(
            Identity__Issuer="$IDENTITY_URL"
            Identity__KeysFolder="$KEYS"
            Bootstrap__NationalUnit__Email="$NATIONAL_EMAIL"
            Bootstrap__NationalUnit__Password="$NATIONAL_PASSWORD"
            Bootstrap__NationalUnit__FullName="Unidad Nacional de Articulación"
            # The portal signs in through the gateway's backend-for-frontend, which receives the code here.
            Identity__Portal__RedirectUris__0="http://127.0.0.1:$(port_of gateway)/bff/callback"
            Identity__Portal__RedirectUris__1="http://localhost:$(port_of gateway)/bff/callback"
            Mail__PickupFolder="$MAIL"
            # The links in those e-mails open the portal, which the gateway serves.
            Portal__PublicUrl="http://127.0.0.1:$(port_of gateway)"
            # The seeder files two applications per run; leave room for a few runs a minute.
            RateLimits__OnboardingPerMinute=30
            # The account forms' window per address (the service's 10 unless REDES_ACCOUNT_PER_MINUTE says otherwise).
            RateLimits__AccountPerMinute="${REDES_ACCOUNT_PER_MINUTE:-10}"
        )
        # A development stack hashes passwords with 1,000 iterations instead of 210,000 (about 140 ms of CPU a hash):
        # the demo seed creates about 190 accounts. The service refuses the setting in any other environment.
        [[ $ENVIRONMENT != Development ]] || SERVICE_ENV+=(Identity__PasswordHashIterations=1000)
    fi
}

gateway_env() { # port
    local r name port project db
    SERVICE_ENV=(
        ASPNETCORE_URLS="http://127.0.0.1:$1"
        ASPNETCORE_ENVIRONMENT="$ENVIRONMENT"
        Identity__Authority="$IDENTITY_URL"
        Portal__Root="$REPO/portal/dist"
        # Encrypts the portal's session cookies; every gateway of this stack must share it.
        DataProtection__KeysFolder="$KEYS/gateway-dataprotection"
        # Requests run on the socket's I/O thread, not handed to the thread pool (docs/decisions/0036).
        DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1
    )
    for r in "${ACTIVE[@]}"; do
        read -r name port project db <<<"$r"
        SERVICE_ENV+=("Services__${name^}=http://127.0.0.1:$port")
    done
}

start_process() { # name dll port (environment from SERVICE_ENV)
    local name=$1 dll=$2 logf=$LOGS/$1.log pid
    [[ -f $logf ]] && mv -f "$logf" "$logf.1"
    # Own session: the service outlives this script and Ctrl-C in this terminal.
    # The working directory is the content root, where appsettings.json is.
    (cd "$(dirname "$dll")" && exec setsid env "${SERVICE_ENV[@]}" dotnet "$dll" </dev/null >>"$logf" 2>&1 8>&-) &
    pid=$!
    echo "$pid" >"$(pid_file "$name")"
    log "started $name (pid $pid) on http://127.0.0.1:$3, log ${logf#"$REPO/"}"
}

wait_ready() { # name port
    local name=$1 port=$2 pid deadline=$((SECONDS + READY_TIMEOUT)) url="http://127.0.0.1:$2/health/ready"
    pid=$(<"$(pid_file "$name")")
    until curl -fsS -o /dev/null --max-time 5 "$url" 2>/dev/null; do
        if ! kill -0 "$pid" 2>/dev/null; then
            tail -n 40 "$LOGS/$name.log" >&2 || true
            die "$name exited during start-up (log $LOGS/$name.log)"
        fi
        if (( SECONDS >= deadline )); then
            tail -n 40 "$LOGS/$name.log" >&2 || true
            curl -sS --max-time 5 "$url" >&2 2>&1 || true
            die "$name not ready after ${READY_TIMEOUT}s at $url (still running as pid $pid; stop with deploy/local/down.sh)"
        fi
        sleep 0.5
    done
}

# One service again (e.g. after the end-to-end fault test killed it), with the stack's settings; the rest runs on.
restart_one() { # name
    local r name port project db
    for r in "${ACTIVE[@]}"; do
        read -r name port project db <<<"$r"
        [[ $name == "$1" ]] || continue
        stop_service "$name"
        service_env "$name" "$port" "$db"
        start_process "$name" "$(target_path "$project")" "$port"
        wait_ready "$name" "$port"
        log "$name ready"
        return
    done
    die "no service named $1"
}

start_all() {
    local t0=$SECONDS r name port project db dll
    # Backends boot in parallel (each migrates its own database); the gateway
    # waits for them so its first requests find them up.
    for r in "${ACTIVE[@]}"; do
        read -r name port project db <<<"$r"
        dll=$(target_path "$project")
        [[ -f $dll ]] || die "$name is not built ($dll missing); run without --no-build"
        service_env "$name" "$port" "$db"
        start_process "$name" "$dll" "$port"
    done
    for r in "${ACTIVE[@]}"; do
        read -r name port project db <<<"$r"
        wait_ready "$name" "$port"
        log "$name ready"
    done
    if [[ -n $GATEWAY ]]; then
        read -r name port project db <<<"$GATEWAY"
        dll=$(target_path "$project")
        if [[ -f $dll ]]; then
            gateway_env "$port"
            start_process "$name" "$dll" "$port"
            wait_ready "$name" "$port"
            log "gateway ready"
        else
            warn "the gateway is not built ($dll missing); starting without it"
            GATEWAY=""
        fi
    fi
    log "services started in $((SECONDS - t0))s"
}

# ---------------------------------------------------------------------------
# Seed and summary
# ---------------------------------------------------------------------------
seed() {
    local t0=$SECONDS dll
    dll=$(target_path "$SEED_PROJECT")
    [[ -f $dll ]] || die "the seeder is not built ($dll missing)"
    log "seeding demo data through the public API"
    if ! REDES_NATIONAL_EMAIL=$NATIONAL_EMAIL REDES_NATIONAL_PASSWORD=$NATIONAL_PASSWORD \
        dotnet "$dll" --gateway "http://127.0.0.1:$(port_of gateway)" --tenants "$IDENTITY_URL" \
            --networks "http://127.0.0.1:$(port_of networks)" --financing "http://127.0.0.1:$(port_of financing)" \
            --secrets-dir "$SECRETS" --accounts-out "$SECRETS/demo-accounts.txt"; then
        die "the demo seed failed (services are still running; fix and re-run, or stop with deploy/local/down.sh)"
    fi
    log "seed done in $((SECONDS - t0))s"
}

summary() {
    local r name port project db
    echo
    echo "RedesPlataforma is up ($((SECONDS - START))s)."
    if [[ -n $GATEWAY ]]; then
        echo "  Portal:   http://127.0.0.1:$(port_of gateway)/  (sign in with a demo account below)"
        echo "  Gateway:  http://127.0.0.1:$(port_of gateway)"
        echo "  API docs: http://127.0.0.1:$(port_of gateway)/scalar"
    else
        echo "  Gateway:  not running (no buildable gateway/Gateway.csproj); call the services directly"
    fi
    for r in "${ACTIVE[@]}"; do
        read -r name port project db <<<"$r"
        printf '  %-9s http://127.0.0.1:%s  (OpenAPI /openapi/v1.json, log %s)\n' "$name:" "$port" "${LOGS#"$REPO/"}/$name.log"
    done
    echo "  Mail:     invitations and password resets are written as .eml files to ${MAIL#"$REPO/"}/ (no SMTP server: set Mail__Smtp__Host to send)"
    echo
    if [[ -s $SECRETS/demo-accounts.txt ]]; then
        echo "Demo accounts (${SECRETS#"$REPO/"}/demo-accounts.txt):"
        sed 's/^/  /' "$SECRETS/demo-accounts.txt"
    else
        echo "National unit: $NATIONAL_EMAIL / $NATIONAL_PASSWORD"
    fi
    echo
    echo "Stop with: bash deploy/local/down.sh [--keep-infra]"
}

usage() {
    sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

main() {
    NO_SEED=0 NO_BUILD=0
    local arg restart=""
    for arg in "$@"; do
        case $arg in
            --no-seed) NO_SEED=1 ;;
            --no-build) NO_BUILD=1 ;;
            --restart=*) restart=${arg#--restart=} ;;
            -h|--help) usage ;;
            *) log "unknown option: $arg"; usage ;;
        esac
    done
    command -v dotnet >/dev/null || die "dotnet not found"
    command -v curl >/dev/null || die "curl not found"

    START=$SECONDS
    [[ -n $restart ]] || bash "$LOCAL_DIR/infra.sh" start
    load_infra_env
    take_lock
    select_services
    NATIONAL_PASSWORD=$(secret_get national-unit REDES_NATIONAL_PASSWORD)
    IDENTITY_URL="http://127.0.0.1:$(port_of "$IDENTITY_SERVICE")/"
    if [[ -n $restart ]]; then
        restart_one "$restart"
        return
    fi
    create_databases
    ensure_vhost

    # Stop first: a build must not overwrite the assemblies of running processes,
    # and a restart is what makes a new build take effect.
    stop_all
    ensure_ports_free
    if (( NO_BUILD )); then log "skipping the build (--no-build)"; else build_all; fi
    start_all
    if (( NO_SEED )); then log "skipping the demo seed (--no-seed)"; else seed; fi
    summary
}

main "$@"
