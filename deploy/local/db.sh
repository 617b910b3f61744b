#!/usr/bin/env bash
# Service databases on the local PostgreSQL started by infra.sh.
#
#   bash deploy/local/db.sh create redes_tenants [redes_networks ...]   # idempotent
#   bash deploy/local/db.sh drop   redes_tenants [...]                   # stop the services first
#
# Each database is owned by the owner role (which runs the migrations), and the
# app role the services connect as gets CONNECT plus default DML privileges on
# whatever the owner creates in schema public later. Connection settings come
# from `infra.sh env` (same REDES_* overrides).
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)

log() { printf '[local] %s\n' "$*" >&2; }
die() { printf '[local] ERROR: %s\n' "$*" >&2; exit 1; }

load_env() {
    eval "$(bash "$SCRIPT_DIR/infra.sh" env)"
    command -v psql >/dev/null || die "psql not found (it comes with the postgresql package; run: bash deploy/local/infra.sh start)"
}

# Identifiers are interpolated into SQL, so only plain lowercase names are accepted.
check_name() {
    [[ $1 =~ ^[a-z_][a-z0-9_]{0,62}$ ]] || die "invalid database name '$1' (lowercase letters, digits, underscore)"
}

psql_owner() { # database, psql args...
    local db=$1; shift
    PGPASSWORD=$REDES_PG_OWNER_PASSWORD PGCONNECT_TIMEOUT=10 PGOPTIONS='-c client_min_messages=warning' \
        psql -X -q -v ON_ERROR_STOP=1 -h "$REDES_PG_HOST" -p "$REDES_PG_PORT" -U "$REDES_PG_OWNER_USER" -d "$db" "$@"
}

create_db() {
    local db=$1 owner=$REDES_PG_OWNER_USER app=$REDES_PG_APP_USER
    # CREATE DATABASE cannot run inside DO/transactions, hence \gexec.
    psql_owner postgres -v db="$db" -v app="$app" <<'SQL'
SELECT format('CREATE DATABASE %I', :'db') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SELECT format('GRANT CONNECT ON DATABASE %I TO %I', :'db', :'app') \gexec
SQL
    # Default privileges apply to objects the owner creates from now on; the
    # ALL TABLES grants cover anything an earlier migration already created.
    psql_owner "$db" -v app="$app" -v owner="$owner" <<'SQL'
GRANT USAGE ON SCHEMA public TO :"app";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO :"app";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"app";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO :"app";
SQL
    log "database $db ready (owner $owner, app role $app)"
}

drop_db() {
    local db=$1
    # FORCE ends open sessions, but the owner role may only end its own: the
    # app role's sessions (running services) make this fail with a clear error.
    if ! psql_owner postgres -v db="$db" <<'SQL'
SELECT format('DROP DATABASE IF EXISTS %I WITH (FORCE)', :'db') \gexec
SQL
    then
        die "could not drop $db (services still connected? run: bash deploy/local/down.sh --keep-infra)"
    fi
    log "database $db dropped"
}

usage() {
    sed -n '2,5p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

main() {
    local cmd=${1:-}
    [[ $# -ge 2 ]] || usage
    shift
    local db
    for db in "$@"; do check_name "$db"; done
    case $cmd in
        create) load_env; for db in "$@"; do create_db "$db"; done ;;
        drop)   load_env; for db in "$@"; do drop_db "$db"; done ;;
        *) usage ;;
    esac
}

main "$@"
