#!/bin/bash
# The first user comes from the environment into a configuration file in the data volume (RabbitMQ reads it when it
# creates its database, i.e. on the first start; later starts keep the users it has).
set -euo pipefail

: "${RABBITMQ_DEFAULT_USER:?}" "${RABBITMQ_DEFAULT_PASS:?}"
(umask 077; printf 'default_user = %s\ndefault_pass = %s\nlisteners.tcp.default = 5672\n' \
    "$RABBITMQ_DEFAULT_USER" "$RABBITMQ_DEFAULT_PASS" >"$RABBITMQ_CONFIG_FILE")
# The server itself, not Debian's /usr/sbin wrapper, which logs to a file and does not pass SIGTERM on.
exec /usr/lib/rabbitmq/bin/rabbitmq-server
