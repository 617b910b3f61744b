#!/bin/bash
# Roles and databases for RedesPlataforma, the same layout as deploy/local
# (infra.sh + db.sh): the owner role owns the databases and runs migrations;
# services connect as the app role, which cannot bypass row-level security
# and gets DML on whatever the owner creates.
#
# The postgres image runs this once, when it initialises an empty volume. It is
# idempotent, so it also prepares a managed server (see deploy/k8s/README.md):
#   PGHOST=... PGUSER=<admin> PGPASSWORD=... POSTGRES_USER=<admin> \
#   REDES_OWNER_PASSWORD=... REDES_APP_PASSWORD=... REDES_DATABASES="redes_tenants ..." \
#   bash deploy/compose/postgres/10-redes-databases.sh
set -euo pipefail

: "${REDES_OWNER_PASSWORD:?}" "${REDES_APP_PASSWORD:?}" "${REDES_DATABASES:?}"

psql_admin() { psql -X -q -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" "$@"; }

psql_admin --dbname postgres -v owner_pw="$REDES_OWNER_PASSWORD" -v app_pw="$REDES_APP_PASSWORD" <<'SQL'
-- Attributes are given at creation only: a managed server's admin (no
-- superuser) may not name SUPERUSER/BYPASSRLS at all, and the defaults are NO.
SELECT 'CREATE ROLE redes_owner LOGIN CREATEDB' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'redes_owner') \gexec
SELECT 'CREATE ROLE redes_app LOGIN'            WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'redes_app') \gexec
ALTER ROLE redes_owner WITH PASSWORD :'owner_pw';
ALTER ROLE redes_app   WITH PASSWORD :'app_pw';
-- Row-level security is the second tenant wall: refuse an app role that skips it.
SELECT format('DO $$ BEGIN RAISE EXCEPTION %L; END $$', 'redes_app must not be superuser or BYPASSRLS')
  WHERE EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'redes_app' AND (rolsuper OR rolbypassrls)) \gexec
-- A managed server's admin is no superuser: it needs membership to create
-- databases owned by redes_owner and to set that role's default privileges.
SELECT 'GRANT redes_owner TO CURRENT_USER' WHERE NOT pg_has_role(current_user, 'redes_owner', 'MEMBER') \gexec
SQL

for db in $REDES_DATABASES; do
    psql_admin --dbname postgres -v db="$db" <<'SQL'
SELECT format('CREATE DATABASE %I OWNER redes_owner', :'db') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SELECT format('GRANT CONNECT ON DATABASE %I TO redes_app', :'db') \gexec
SQL
    psql_admin --dbname "$db" <<'SQL'
GRANT USAGE ON SCHEMA public TO redes_app;
ALTER DEFAULT PRIVILEGES FOR ROLE redes_owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO redes_app;
ALTER DEFAULT PRIVILEGES FOR ROLE redes_owner IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO redes_app;
SQL
    echo "redes: database $db ready"
done
