#!/bin/bash
# First start: initdb with the superuser password from POSTGRES_PASSWORD, the init scripts against a server that
# listens on its socket only (as the postgres image does), then the server on every address with password logins.
set -euo pipefail

if [[ ! -s $PGDATA/PG_VERSION ]]; then
    : "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is required on the first start}"
    initdb --username=postgres --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") --auth-local=trust --auth-host=scram-sha-256 \
        --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    printf "listen_addresses = '*'\n" >>"$PGDATA/postgresql.conf"
    printf 'host all all all scram-sha-256\n' >>"$PGDATA/pg_hba.conf"
    pg_ctl -w -o "-c listen_addresses=''" start >/dev/null
    for script in /docker-entrypoint-initdb.d/*.sh; do
        [[ -e $script ]] || continue
        echo "redes-postgres: running $script"
        POSTGRES_USER=postgres bash "$script"
    done
    pg_ctl -w -m fast stop >/dev/null
fi
exec postgres
