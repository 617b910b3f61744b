#!/usr/bin/env bash
# Local PostgreSQL + RabbitMQ for dev runs and the test suite.
#
#   bash deploy/local/infra.sh start               # install (apt, first time only) and start PostgreSQL and RabbitMQ
#   bash deploy/local/infra.sh start --with-chaos  # the same, plus the second RabbitMQ node only the tests use
#   bash deploy/local/infra.sh stop                # stop everything, keep data
#   bash deploy/local/infra.sh status              # show what is up
#   eval "$(bash deploy/local/infra.sh env)"       # export connection settings
#   bash deploy/local/infra.sh rabbit-chaos-stop   # tests: simulate a broker outage (chaos node)
#   bash deploy/local/infra.sh rabbit-chaos-start  # tests: end the outage
#   REDES_RABBIT_PORT=6372 bash deploy/local/infra.sh rabbit-stop|rabbit-start|rabbit-delete
#                                                  # tests: stop, start or delete a stack's own main node
#
# Uses Debian packages (postgresql, rabbitmq-server; chromium for the portal's
# UI tests, which never download a browser of their own) but none of their system
# services: our own PostgreSQL cluster and RabbitMQ node (plus, for the tests, a second
# "chaos" node they may stop) keep their data under <repo>/.local/ (git-ignored).
# Safe to run unattended and repeatedly.
#
# Overrides: REDES_PG_PORT (55432), REDES_RABBIT_PORT (5672),
# REDES_RABBIT_CHAOS_PORT (5673), REDES_PG_OWNER_PASSWORD, REDES_PG_APP_PASSWORD,
# REDES_LOCAL_STATE_DIR (force a state dir), REDES_RABBIT_START_TIMEOUT (90).
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
REPO=$(cd "$SCRIPT_DIR/../.." && pwd -P)
REPO_HASH=$(printf '%s' "$REPO" | sha256sum | cut -c1-12)

PG_HOST=127.0.0.1
PG_PORT=${REDES_PG_PORT:-55432}
PG_OWNER_USER=redes_owner
PG_APP_USER=redes_app
# Dev-only defaults; never reuse these anywhere that matters.
PG_OWNER_PASSWORD=${REDES_PG_OWNER_PASSWORD:-redes_owner}
PG_APP_PASSWORD=${REDES_PG_APP_PASSWORD:-redes_app}

RABBIT_HOST=127.0.0.1
RABBIT_PORT=${REDES_RABBIT_PORT:-5672}
RABBIT_CHAOS_PORT=${REDES_RABBIT_CHAOS_PORT:-5673}
# Node names are global per machine (epmd), so non-default ports (e.g. a second
# checkout) get their own names unless given explicitly.
RABBIT_NODE=${REDES_RABBIT_NODE_NAME:-redes}
RABBIT_CHAOS_NODE=${REDES_RABBIT_CHAOS_NODE_NAME:-redes-chaos}
[[ -n ${REDES_RABBIT_NODE_NAME:-} || $RABBIT_PORT == 5672 ]] || RABBIT_NODE=redes-$RABBIT_PORT
[[ -n ${REDES_RABBIT_CHAOS_NODE_NAME:-} || $RABBIT_CHAOS_PORT == 5673 ]] || RABBIT_CHAOS_NODE=redes-chaos-$RABBIT_CHAOS_PORT
# Erlang distribution port per node (AMQP port + offset), so the two nodes
# never fight over it.
RABBIT_DIST_OFFSET=20000
# Its HTTP API (the management plugin, statistics off) on AMQP port + offset, 15672 beside 5672 as RabbitMQ's own
# defaults: the tests create and delete a virtual host per service host through it, where each rabbitmqctl call boots
# an Erlang VM (about half a second of CPU; a test run made 87 of them).
RABBIT_MANAGEMENT_OFFSET=10000
RABBIT_START_TIMEOUT=${REDES_RABBIT_START_TIMEOUT:-90}
RABBIT_LIB=/usr/lib/rabbitmq/bin   # the real scripts, not Debian's /usr/sbin wrappers

SAFE_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

log()  { printf '[infra] %s\n' "$*" >&2; }
warn() { printf '[infra] WARNING: %s\n' "$*" >&2; }
die()  { printf '[infra] ERROR: %s\n' "$*" >&2; exit 1; }

is_root() { [[ $(id -u) -eq 0 ]]; }
user_exists() { id -u "$1" >/dev/null 2>&1; }

tcp_open() { # host port
    timeout 2 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$1" "$2" 2>/dev/null
}

check_port_var() {
    [[ $2 =~ ^[0-9]+$ ]] && (( $2 > 0 && $2 < 65536 )) || die "$1 must be a TCP port, got '$2'"
}

# ---------------------------------------------------------------------------
# Running things as the service users
# ---------------------------------------------------------------------------
# initdb/pg_ctl refuse root, and Debian's rabbitmq wrappers switch to the
# `rabbitmq` user, so as root we run each service as its package's user.
# As a normal user everything simply runs as that user.
if is_root; then
    PG_USER=postgres
    RMQ_USER=rabbitmq
else
    PG_USER=$(id -un)
    RMQ_USER=$(id -un)
fi

# Prints the command prefix that switches to user $1 (nothing if we already are).
# setpriv execs in place (no lingering parent) unlike runuser/su.
svc_prefix() {
    local user=$1
    SVC=()
    if [[ $(id -un) != "$user" ]]; then
        SVC=(setpriv --reuid="$user" --regid="$(id -gn "$user")" --init-groups --)
    fi
}

# Run a command as service user $1 from / (the caller's cwd, e.g. /root, may
# be unreadable for that user).
as_svc() {
    local user=$1; shift
    svc_prefix "$user"
    # fd 9 is our lock; daemons started from here must not inherit it.
    (cd / && "${SVC[@]}" "$@" 9>&-)
}

# ---------------------------------------------------------------------------
# Packages
# ---------------------------------------------------------------------------
pg_installed()     { compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null; }
rabbit_installed() { [[ -x $RABBIT_LIB/rabbitmq-server ]] && user_exists rabbitmq; }
chromium_installed() { [[ -x /usr/bin/chromium ]]; }

POLICY_RC=/usr/sbin/policy-rc.d
POLICY_RC_OURS=0
cleanup() {
    if (( POLICY_RC_OURS )); then rm -f "$POLICY_RC"; fi
}
trap cleanup EXIT
trap 'exit 130' INT   # make Ctrl-C/TERM go through the EXIT trap too
trap 'exit 143' TERM

ensure_packages() {
    local pkgs=()
    pg_installed || pkgs+=(postgresql)
    rabbit_installed || pkgs+=(rabbitmq-server)
    chromium_installed || pkgs+=(chromium)   # Playwright drives it in tests/EndToEnd.Tests
    (( ${#pkgs[@]} )) || return 0

    if ! is_root && [[ ${pkgs[*]} == chromium ]]; then
        # Only the UI tests need the browser: a developer without root still gets the database and the broker.
        warn "chromium is missing, so the portal's UI tests will fail. Install it once with: sudo apt-get install -y chromium"
        return 0
    fi
    is_root || die "missing packages: ${pkgs[*]}. Install them once with: sudo apt-get install -y ${pkgs[*]}"

    log "installing ${pkgs[*]} with apt (one-time, takes a minute)..."
    # Keep the packages' own services from starting: a system rabbit@<host>
    # would grab 5672. An existing policy-rc.d (common in containers) is left as is.
    if [[ ! -e $POLICY_RC ]]; then
        printf '#!/bin/sh\n# temporary, created by %s\nexit 101\n' "$0" >"$POLICY_RC"
        chmod 755 "$POLICY_RC"
        POLICY_RC_OURS=1
    fi

    local aptlog started=$SECONDS
    aptlog=$(mktemp /tmp/redes-infra-apt.XXXXXX.log)
    local apt=(apt-get -q -y -o DPkg::Lock::Timeout=300
               -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
    export DEBIAN_FRONTEND=noninteractive APT_LISTCHANGES_FRONTEND=none NEEDRESTART_MODE=a
    # Fresh images often ship without package lists.
    "${apt[@]}" update >>"$aptlog" 2>&1 || warn "apt-get update failed; trying the install anyway"
    if ! "${apt[@]}" install --no-install-recommends "${pkgs[@]}" >>"$aptlog" 2>&1; then
        tail -n 30 "$aptlog" >&2
        die "apt-get install ${pkgs[*]} failed (full log: $aptlog)"
    fi
    cleanup; POLICY_RC_OURS=0
    rm -f "$aptlog"

    # On machines with systemd, don't let the system broker start at the next
    # boot and take our port.
    if [[ " ${pkgs[*]} " == *" rabbitmq-server "* && -d /run/systemd/system ]]; then
        systemctl disable rabbitmq-server >/dev/null 2>&1 || true
    fi
    log "installed ${pkgs[*]} in $((SECONDS - started))s"
}

# ---------------------------------------------------------------------------
# State directory
# ---------------------------------------------------------------------------
# <repo>/.local unless a service user cannot reach the checkout (e.g. it lives
# under /root, mode 0700) or the path is too long for a unix socket.
resolve_state() {
    if [[ -n ${REDES_LOCAL_STATE_DIR:-} ]]; then
        STATE=$REDES_LOCAL_STATE_DIR
        return
    fi
    STATE=$REPO/.local
    local fallback=/var/tmp/redes-local-$REPO_HASH reason="" u
    for u in $(printf '%s\n' "$PG_USER" "$RMQ_USER" | sort -u); do
        user_exists "$u" || continue
        # Search permission on the repo path, and on .local if it already exists.
        if ! as_svc "$u" sh -c 'test -x "$1" && { test ! -e "$1/.local" || test -x "$1/.local"; }' sh "$REPO"; then
            reason="OS user '$u' cannot traverse $REPO"
            break
        fi
    done
    # PostgreSQL's socket path must fit in sun_path (107 bytes).
    local sock="$STATE/postgres/run/.s.PGSQL.$PG_PORT"
    if [[ -z $reason ]] && (( ${#sock} > 100 )); then
        reason="checkout path too long for a unix socket"
    fi
    if [[ -n $reason ]]; then
        STATE=$fallback
        [[ ${QUIET_STATE:-0} == 1 ]] || log "NOTE: $reason; using state dir $STATE instead of $REPO/.local"
    fi
}

prepare_state() {
    mkdir -p "$STATE"
    chmod 755 "$STATE"
}

# mkdir + chown (recursively, only when ownership is off, e.g. after a uid change)
ensure_dir_owned() { # dir user mode
    local dir=$1 user=$2 mode=$3
    mkdir -p "$dir"
    if [[ $(stat -c %U "$dir") != "$user" ]]; then
        chown -R "$user:$(id -gn "$user")" "$dir"
    fi
    chmod "$mode" "$dir"
}

# Serialise concurrent invocations (e.g. parallel test projects all calling start).
take_lock() {
    local lockfile=/tmp/redes-infra-$REPO_HASH.lock
    exec 9>>"$lockfile"
    flock -w 300 9 || die "another infra.sh is still running (lock $lockfile)"
}

# ---------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------
pg_paths() {
    PG_DIR=$STATE/postgres
    PGDATA=$PG_DIR/data
    PG_SOCK_DIR=$PG_DIR/run
    PG_LOG=$PG_DIR/postgres.log
    # Existing data must be served by its own major version; otherwise the newest.
    local ver=""
    if [[ -s $PGDATA/PG_VERSION ]]; then
        ver=$(cat "$PGDATA/PG_VERSION")
        [[ -x /usr/lib/postgresql/$ver/bin/pg_ctl ]] ||
            die "$PGDATA was created by PostgreSQL $ver, which is not installed (apt-get install postgresql-$ver, or delete that dir)"
    else
        ver=$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' 2>/dev/null | sort -V |
              while read -r v; do [[ -x /usr/lib/postgresql/$v/bin/pg_ctl ]] && echo "$v"; done | tail -n1 || true)
        [[ -n $ver ]] || die "no PostgreSQL found under /usr/lib/postgresql"
    fi
    PG_BIN=/usr/lib/postgresql/$ver/bin
}

pg_running() { as_svc "$PG_USER" "$PG_BIN/pg_ctl" status -D "$PGDATA" >/dev/null 2>&1; }

pg_show_log() { [[ -f $PG_LOG ]] && { log "last lines of $PG_LOG:"; tail -n 30 "$PG_LOG" >&2; }; return 0; }

pg_init() {
    [[ -s $PGDATA/PG_VERSION ]] && return 0
    log "initialising PostgreSQL cluster in $PGDATA"
    ensure_dir_owned "$PG_DIR" "$PG_USER" 700
    local locale=C
    locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$' && locale=C.UTF-8
    # initdb into a temp dir and rename, so an interrupted run can simply be retried.
    rm -rf "$PGDATA.tmp"
    if ! as_svc "$PG_USER" env LC_ALL=C "$PG_BIN/initdb" -D "$PGDATA.tmp" -U postgres \
            --auth-local=trust --auth-host=scram-sha-256 \
            --encoding=UTF8 --locale="$locale" >"$PG_DIR/initdb.log" 2>&1; then
        tail -n 20 "$PG_DIR/initdb.log" >&2
        die "initdb failed (log: $PG_DIR/initdb.log)"
    fi
    mv "$PGDATA.tmp" "$PGDATA"
    # Our settings live in their own file so they can be rewritten on every start.
    printf "\ninclude_if_exists = 'redes.conf'\n" >>"$PGDATA/postgresql.conf"
}

pg_write_conf() {
    ensure_dir_owned "$PG_DIR" "$PG_USER" 700
    ensure_dir_owned "$PG_SOCK_DIR" "$PG_USER" 700
    local conf=$PGDATA/redes.conf
    cat >"$conf" <<EOF
# Written by deploy/local/infra.sh on every start; edits will be lost.
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '${PG_SOCK_DIR//\'/\'\'}'
max_connections = 300
shared_buffers = 256MB
# Durability is switched off for speed. This cluster only ever holds throwaway
# local/test data; a crash may corrupt it (then delete .local/postgres).
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
    chown "$PG_USER:$(id -gn "$PG_USER")" "$conf"
}

pg_psql_super() { # extra psql args...
    as_svc "$PG_USER" env LC_ALL=C "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 \
        -h "$PG_SOCK_DIR" -p "$PG_PORT" -U postgres -d postgres "$@"
}

pg_ensure_roles() {
    # Owner runs migrations and creates databases; services connect as the app
    # role, which must not bypass row-level security.
    pg_psql_super -v owner_pw="$PG_OWNER_PASSWORD" -v app_pw="$PG_APP_PASSWORD" <<'SQL' ||
SELECT 'CREATE ROLE redes_owner' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'redes_owner') \gexec
SELECT 'CREATE ROLE redes_app'   WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'redes_app') \gexec
ALTER ROLE redes_owner WITH LOGIN CREATEDB NOSUPERUSER NOCREATEROLE NOREPLICATION PASSWORD :'owner_pw';
ALTER ROLE redes_app   WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'app_pw';
SQL
        die "could not create/update roles $PG_OWNER_USER and $PG_APP_USER"
}

pg_start() {
    pg_paths
    pg_init
    # Right after a crash the dead postmaster can linger as a zombie (and look
    # alive) until reaped; give that, or a server still in recovery, a moment.
    local _
    for _ in $(seq 20); do
        pg_running && ! tcp_open "$PG_HOST" "$PG_PORT" || break
        sleep 0.5
    done
    if pg_running; then
        tcp_open "$PG_HOST" "$PG_PORT" ||
            die "PostgreSQL ($PGDATA) is running but not listening on $PG_HOST:$PG_PORT (port changed?). Run: $0 stop && $0 start"
        log "PostgreSQL already running on $PG_HOST:$PG_PORT"
    else
        tcp_open "$PG_HOST" "$PG_PORT" &&
            die "port $PG_HOST:$PG_PORT is already taken by another process; set REDES_PG_PORT to a free port"
        pg_write_conf
        log "starting PostgreSQL $(basename "$(dirname "$PG_BIN")") on $PG_HOST:$PG_PORT"
        if ! as_svc "$PG_USER" "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$PG_LOG" -w -t 60 start >/dev/null; then
            pg_show_log
            die "PostgreSQL failed to start"
        fi
    fi
    pg_ensure_roles
}

pg_stop() {
    pg_paths
    [[ -s $PGDATA/PG_VERSION ]] && pg_running || { log "PostgreSQL not running"; return 0; }
    log "stopping PostgreSQL"
    as_svc "$PG_USER" "$PG_BIN/pg_ctl" -D "$PGDATA" -w -t 60 stop -m fast >/dev/null ||
        { pg_show_log; die "PostgreSQL did not stop"; }
}

pg_status() {
    pg_paths
    if [[ -s $PGDATA/PG_VERSION ]] && pg_running && tcp_open "$PG_HOST" "$PG_PORT"; then
        echo "postgresql:  up          $PG_HOST:$PG_PORT  (data $PGDATA)"
    else
        echo "postgresql:  down        (data $PGDATA)"
        return 1
    fi
}

# ---------------------------------------------------------------------------
# RabbitMQ
# ---------------------------------------------------------------------------
# Cookie: as root we reuse the package's /var/lib/rabbitmq/.erlang.cookie (the
# rabbitmq user's HOME). Debian's /usr/sbin/rabbitmqctl switches to that user
# too, so a plain `rabbitmqctl -n redes@localhost status` works for root.
rmq_home() {
    if is_root; then RMQ_HOME=$(getent passwd "$RMQ_USER" | cut -d: -f6); else RMQ_HOME=$STATE/rabbitmq; fi
}

rmq_ensure_cookie() {
    rmq_home
    local cookie=$RMQ_HOME/.erlang.cookie
    if [[ ! -s $cookie ]]; then
        mkdir -p "$RMQ_HOME"
        (umask 077; head -c 30 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' >"$cookie")
        chown "$RMQ_USER:$(id -gn "$RMQ_USER")" "$cookie"
    fi
    chmod 400 "$cookie"   # Erlang refuses cookies readable by others
}

rmq_node_dir() { echo "$STATE/rabbitmq/$1"; }

# Environment for our nodes and CLI calls. Everything the broker would read
# from /etc/rabbitmq or /var/lib/rabbitmq is redirected into the node's dir.
rmq_env() { # short-name amqp-port
    local name=$1 port=$2 dir
    dir=$(rmq_node_dir "$name")
    RMQ_ENV=(
        env -i PATH="$SAFE_PATH" HOME="$RMQ_HOME" LANG=C.UTF-8 LC_ALL=C.UTF-8
        RABBITMQ_NODENAME="$name@localhost"
        RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
        RABBITMQ_NODE_PORT="$port"
        RABBITMQ_DIST_PORT="$((port + RABBIT_DIST_OFFSET))"
        RABBITMQ_CONF_ENV_FILE="$dir/rabbitmq-env.conf"
        RABBITMQ_CONFIG_FILE="$dir/rabbitmq.conf"
        RABBITMQ_ADVANCED_CONFIG_FILE="$dir/advanced.config"
        RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins"
        RABBITMQ_MNESIA_BASE="$dir/mnesia"
        RABBITMQ_MNESIA_DIR="$dir/mnesia/$name"
        RABBITMQ_LOG_BASE="$dir/log"
        RABBITMQ_LOGS="$dir/log/$name.log"
        RABBITMQ_PID_FILE="$dir/$name.pid"
        # Erlang distribution on loopback only.
        RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
        ERL_EPMD_ADDRESS=127.0.0.1
        ERL_CRASH_DUMP="$dir/erl_crash.dump"
    )
}

rmqctl() { # short-name cli-args...
    local name=$1; shift
    local port=$RABBIT_PORT
    [[ $name == "$RABBIT_CHAOS_NODE" ]] && port=$RABBIT_CHAOS_PORT
    rmq_home
    rmq_env "$name" "$port"
    as_svc "$RMQ_USER" "${RMQ_ENV[@]}" "$RABBIT_LIB/rabbitmqctl" -q -n "$name@localhost" "$@"
}

# Distribution port the node is registered under in epmd (empty: VM not running).
# Cheap: no Erlang VM boot, unlike any rabbitmqctl call.
rmq_epmd_port() {
    command -v epmd >/dev/null 2>&1 || return 0
    epmd -names 2>/dev/null | awk -v n="$1" '$1 == "name" && $2 == n { print $5 }'
}
rmq_vm_up() { [[ -n $(rmq_epmd_port "$1") ]]; }

# Was the VM running under this name launched by us, from this state dir?
# (Otherwise it belongs to another checkout and we must not touch it.)
rmq_owned() { # name
    local dir pid
    dir=$(rmq_node_dir "$1")
    pid=$(cat "$dir/launcher.pid" 2>/dev/null) || return 1
    [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null && [[ $(readlink "/proc/$pid/cwd" 2>/dev/null) == "$dir" ]]
}

# up | app-stopped | booting | down | foreign
rmq_node_state() { # name port
    local name=$1 port=$2 reg out
    reg=$(rmq_epmd_port "$name")
    if [[ -z $reg ]]; then echo down; return; fi
    if [[ $reg != $((port + RABBIT_DIST_OFFSET)) ]] || ! rmq_owned "$name"; then echo foreign; return; fi
    if tcp_open "$RABBIT_HOST" "$port"; then echo up; return; fi
    out=$(rmqctl "$name" eval '{rabbit:is_running(), rabbit:is_booting()}.' 2>/dev/null) || { echo down; return; }
    case $out in
        *true,*)  echo up ;;
        *,true*)  echo booting ;;
        *)        echo app-stopped ;;
    esac
}

rmq_show_logs() { # name
    local dir f
    dir=$(rmq_node_dir "$1")
    for f in "$dir/log/startup.log" "$dir/log/$1.log"; do
        [[ -s $f ]] || continue
        log "last lines of $f:"
        tail -n 30 "$f" >&2
    done
}

rmq_prepare_node_dir() { # name port
    local name=$1 port=$2 dir
    dir=$(rmq_node_dir "$name")
    ensure_dir_owned "$STATE/rabbitmq" "$RMQ_USER" 750
    ensure_dir_owned "$dir" "$RMQ_USER" 750
    mkdir -p "$dir/log" "$dir/mnesia"
    cat >"$dir/rabbitmq.conf" <<EOF
# Written by deploy/local/infra.sh on every start; edits will be lost.
listeners.tcp.1 = 127.0.0.1:$port
# guest/guest is fine here: it is only accepted over loopback.
loopback_users.guest = true
log.file.level = info
log.console = false
management.tcp.ip = 127.0.0.1
management.tcp.port = $((port + RABBIT_MANAGEMENT_OFFSET))
management.disable_stats = true
management_agent.disable_metrics_collector = true
EOF
    : >"$dir/rabbitmq-env.conf"          # keeps /etc/rabbitmq/rabbitmq-env.conf out of the picture
    echo '[rabbitmq_management].' >"$dir/enabled_plugins"
    : >>"$dir/log/startup.log"
    chown -R "$RMQ_USER:$(id -gn "$RMQ_USER")" "$dir/rabbitmq.conf" "$dir/rabbitmq-env.conf" \
        "$dir/enabled_plugins" "$dir/log" "$dir/mnesia"
}

# Launch the Erlang VM in its own session (survives the calling shell/CI step).
# Sets RMQ_LAUNCH_PID.
rmq_launch() { # name port
    local name=$1 port=$2 dir dist=$(( $2 + RABBIT_DIST_OFFSET ))
    dir=$(rmq_node_dir "$name")
    tcp_open "$RABBIT_HOST" "$port" &&
        die "port $RABBIT_HOST:$port is already taken by another process (a system rabbitmq-server? try: service rabbitmq-server stop), or set the REDES_RABBIT_*PORT variables"
    tcp_open 127.0.0.1 "$dist" && die "Erlang distribution port $dist for $name is already taken"
    tcp_open 127.0.0.1 "$((port + RABBIT_MANAGEMENT_OFFSET))" &&
        die "management port $((port + RABBIT_MANAGEMENT_OFFSET)) for $name is already taken"
    rmq_prepare_node_dir "$name" "$port"
    rmq_env "$name" "$port"
    svc_prefix "$RMQ_USER"
    log "starting RabbitMQ node $name@localhost on $RABBIT_HOST:$port (logs: $dir/log)"
    printf '\n==== %s start\n' "$(date -Is)" >>"$dir/log/startup.log"
    # Not Debian's /usr/sbin/rabbitmq-server: as root it su's to rabbitmq,
    # cds to /var/lib/rabbitmq and sends output to /var/log/rabbitmq.
    (cd "$dir" && exec setsid "${SVC[@]}" "${RMQ_ENV[@]}" "$RABBIT_LIB/rabbitmq-server" \
        </dev/null >>"$dir/log/startup.log" 2>&1 9>&-) &
    RMQ_LAUNCH_PID=$!
    echo "$RMQ_LAUNCH_PID" >"$dir/launcher.pid"
}

rmq_wait() { # name port [launcher-pid]
    local name=$1 port=$2 pid=${3:-} deadline=$((SECONDS + RABBIT_START_TIMEOUT))
    while :; do
        if tcp_open "$RABBIT_HOST" "$port" && rmqctl "$name" await_startup --timeout 30 >/dev/null 2>&1; then
            return 0
        fi
        if [[ -n $pid ]] && ! kill -0 "$pid" 2>/dev/null; then
            rmq_show_logs "$name"
            die "RabbitMQ node $name@localhost exited during startup"
        fi
        if (( SECONDS >= deadline )); then
            rmq_show_logs "$name"
            die "RabbitMQ node $name@localhost not ready after ${RABBIT_START_TIMEOUT}s"
        fi
        sleep 1
    done
}

# Brings a node to "up" from whatever state it is in. With "nowait" a freshly
# launched node is left booting and its launcher pid recorded in PENDING.
rmq_ensure_node() { # name port [nowait]
    local name=$1 port=$2 mode=${3:-wait} state
    state=$(rmq_node_state "$name" "$port")
    case $state in
        foreign)
            die "Erlang node name $name@localhost is already used by a node not started from $STATE (another checkout?). Stop it, or pick other REDES_RABBIT_*PORT / REDES_RABBIT_*NODE_NAME values" ;;
        up)
            log "RabbitMQ node $name@localhost already running on $RABBIT_HOST:$port" ;;
        booting)
            log "RabbitMQ node $name@localhost is booting; waiting"
            rmq_wait "$name" "$port" ;;
        app-stopped)
            log "RabbitMQ node $name@localhost: VM up but app stopped; starting app"
            rmqctl "$name" start_app >/dev/null || { rmq_show_logs "$name"; die "start_app failed on $name@localhost"; }
            rmq_wait "$name" "$port" ;;
        down)
            rmq_launch "$name" "$port"
            if [[ $mode == nowait ]]; then
                PENDING+=("$name:$port:$RMQ_LAUNCH_PID")
            else
                rmq_wait "$name" "$port" "$RMQ_LAUNCH_PID"
                log "RabbitMQ node $name@localhost is up"
            fi ;;
    esac
}

rabbit_start() { # [with-chaos]
    rmq_ensure_cookie
    PENDING=()
    # Launch the nodes before waiting so they boot in parallel. The chaos node (about 125 MB) serves only the tests
    # that stop a broker, so a developer's stack runs without it.
    rmq_ensure_node "$RABBIT_NODE" "$RABBIT_PORT" nowait
    [[ ${1:-} != with-chaos ]] || rmq_ensure_node "$RABBIT_CHAOS_NODE" "$RABBIT_CHAOS_PORT" nowait
    local p name port pid
    for p in "${PENDING[@]}"; do
        IFS=: read -r name port pid <<<"$p"
        rmq_wait "$name" "$port" "$pid"
        log "RabbitMQ node $name@localhost is up"
    done
}

rmq_stop_node() { # name port
    local name=$1 port=$2
    case $(rmq_node_state "$name" "$port") in
        down)    log "RabbitMQ node $name@localhost not running"; return 0 ;;
        foreign) warn "node $name@localhost was not started from $STATE; leaving it alone"; return 0 ;;
    esac
    log "stopping RabbitMQ node $name@localhost"
    # shutdown waits for the VM to exit, so an immediate start can reuse the ports.
    rmqctl "$name" shutdown >/dev/null 2>&1 || rmqctl "$name" stop >/dev/null 2>&1 ||
        { rmq_show_logs "$name"; die "could not stop $name@localhost"; }
    local deadline=$((SECONDS + 30))
    while rmq_vm_up "$name" && (( SECONDS < deadline )); do sleep 0.5; done
    rm -f "$(rmq_node_dir "$name")/launcher.pid"
}

# A broker outage for tests: the app stops (connections dropped, port closed), the Erlang VM stays, so
# rmq_ensure_node brings it back in seconds rather than a boot's minute on a busy machine.
rmq_stop_app() { # name port
    case $(rmq_node_state "$1" "$2") in
        up|booting) ;;
        foreign) die "node $1@localhost was not started from $STATE" ;;
        *) log "RabbitMQ app on $1@localhost already stopped"; return 0 ;;
    esac
    log "outage: stopping the RabbitMQ app on $1@localhost (port $2)"
    rmqctl "$1" stop_app >/dev/null || die "stop_app failed on $1@localhost"
}

rabbit_stop() {
    rabbit_installed || { log "rabbitmq-server not installed"; return 0; }
    rmq_home
    rmq_stop_node "$RABBIT_CHAOS_NODE" "$RABBIT_CHAOS_PORT"
    rmq_stop_node "$RABBIT_NODE" "$RABBIT_PORT"
}

rabbit_status() {
    local rc=0 name port state
    for p in "$RABBIT_NODE:$RABBIT_PORT:required" "$RABBIT_CHAOS_NODE:$RABBIT_CHAOS_PORT:tests only"; do
        IFS=: read -r name port role <<<"$p"
        if rabbit_installed; then state=$(rmq_node_state "$name" "$port"); else state="not installed"; fi
        printf 'rabbitmq:    %-11s %s:%s  (node %s@localhost, %s)\n' "$state" "$RABBIT_HOST" "$port" "$name" "$role"
        [[ $state == up || $role != required ]] || rc=1
    done
    return $rc
}

chaos_stop() {
    rabbit_installed || die "rabbitmq-server is not installed; run: $0 start"
    rmq_home
    rmq_stop_app "$RABBIT_CHAOS_NODE" "$RABBIT_CHAOS_PORT"
}

chaos_start() {
    rabbit_installed || die "rabbitmq-server is not installed; run: $0 start"
    rmq_ensure_cookie
    log "chaos: starting RabbitMQ app on $RABBIT_CHAOS_NODE@localhost (port $RABBIT_CHAOS_PORT)"
    rmq_ensure_node "$RABBIT_CHAOS_NODE" "$RABBIT_CHAOS_PORT"
}

# A stack of its own (the end-to-end fault test's) runs on a main node of its own, given by REDES_RABBIT_PORT, which
# the test stops and starts as an outage and deletes afterwards. Never the default node: others' stacks use it.
own_node_only() {
    [[ $RABBIT_PORT != 5672 ]] || die "rabbit-stop/start/delete act on a stack's own node only: set REDES_RABBIT_PORT to its port (not 5672)"
    rabbit_installed || die "rabbitmq-server is not installed; run: $0 start"
    rmq_home
}

own_stop() {
    own_node_only
    rmq_stop_app "$RABBIT_NODE" "$RABBIT_PORT"
}

own_start() {
    own_node_only
    rmq_ensure_cookie
    rmq_ensure_node "$RABBIT_NODE" "$RABBIT_PORT"
}

own_delete() {
    own_node_only
    rmq_stop_node "$RABBIT_NODE" "$RABBIT_PORT"
    log "deleting RabbitMQ node $RABBIT_NODE@localhost's data"
    rm -rf "$(rmq_node_dir "$RABBIT_NODE")"
}

# ---------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------
print_env() {
    local k v
    for k in REDES_PG_HOST REDES_PG_PORT REDES_PG_OWNER_USER REDES_PG_OWNER_PASSWORD \
             REDES_PG_APP_USER REDES_PG_APP_PASSWORD REDES_RABBIT_HOST REDES_RABBIT_PORT \
             REDES_RABBIT_USER REDES_RABBIT_PASSWORD REDES_RABBIT_NODE \
             REDES_RABBIT_MANAGEMENT_PORT REDES_RABBIT_CHAOS_PORT REDES_RABBIT_CHAOS_NODE \
             REDES_RABBIT_CHAOS_MANAGEMENT_PORT REDES_LOCAL_STATE_DIR; do
        case $k in
            REDES_PG_HOST) v=$PG_HOST ;;
            REDES_PG_PORT) v=$PG_PORT ;;
            REDES_PG_OWNER_USER) v=$PG_OWNER_USER ;;
            REDES_PG_OWNER_PASSWORD) v=$PG_OWNER_PASSWORD ;;
            REDES_PG_APP_USER) v=$PG_APP_USER ;;
            REDES_PG_APP_PASSWORD) v=$PG_APP_PASSWORD ;;
            REDES_RABBIT_HOST) v=$RABBIT_HOST ;;
            REDES_RABBIT_PORT) v=$RABBIT_PORT ;;
            REDES_RABBIT_USER|REDES_RABBIT_PASSWORD) v=guest ;;
            REDES_RABBIT_NODE) v=$RABBIT_NODE@localhost ;;
            REDES_RABBIT_MANAGEMENT_PORT) v=$((RABBIT_PORT + RABBIT_MANAGEMENT_OFFSET)) ;;
            REDES_RABBIT_CHAOS_PORT) v=$RABBIT_CHAOS_PORT ;;
            REDES_RABBIT_CHAOS_MANAGEMENT_PORT) v=$((RABBIT_CHAOS_PORT + RABBIT_MANAGEMENT_OFFSET)) ;;
            REDES_RABBIT_CHAOS_NODE) v=$RABBIT_CHAOS_NODE@localhost ;;
            REDES_LOCAL_STATE_DIR) v=$STATE ;;
        esac
        printf 'export %s=%q\n' "$k" "$v"
    done
}

usage() {
    sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

main() {
    local cmd=${1:-}
    check_port_var REDES_PG_PORT "$PG_PORT"
    check_port_var REDES_RABBIT_PORT "$RABBIT_PORT"
    check_port_var REDES_RABBIT_CHAOS_PORT "$RABBIT_CHAOS_PORT"
    [[ $RABBIT_PORT != "$RABBIT_CHAOS_PORT" ]] || die "REDES_RABBIT_PORT and REDES_RABBIT_CHAOS_PORT must differ"

    case $cmd in
        start)
            local t0=$SECONDS
            take_lock
            ensure_packages
            resolve_state; prepare_state
            pg_start
            case ${2:-} in
                --with-chaos) rabbit_start with-chaos ;;
                "") rabbit_start ;;
                *) log "unknown option: $2"; usage ;;
            esac
            log "all up in $((SECONDS - t0))s. Connection settings: eval \"\$(bash ${0#"$REPO/"} env)\""
            ;;
        stop)
            take_lock
            resolve_state
            if pg_installed; then pg_stop; fi
            rabbit_stop
            ;;
        status)
            resolve_state
            local rc=0
            if pg_installed; then pg_status || rc=1; else echo "postgresql:  not installed"; rc=1; fi
            rabbit_status || rc=1
            return $rc
            ;;
        env)
            QUIET_STATE=1 resolve_state
            print_env
            ;;
        rabbit-chaos-stop)
            take_lock
            resolve_state
            chaos_stop
            ;;
        rabbit-chaos-start)
            take_lock
            resolve_state
            chaos_start
            ;;
        rabbit-stop|rabbit-start|rabbit-delete)
            take_lock
            resolve_state
            "own_${cmd#rabbit-}"
            ;;
        -h|--help|help|"") usage ;;
        *) log "unknown command: $cmd"; usage ;;
    esac
}

main "$@"
