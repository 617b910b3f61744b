#!/usr/bin/env bash
# Stops and removes the containers deploy/compose/up.sh started, and their networks.
#
#   bash deploy/compose/down.sh             # the data volumes stay (the next up.sh finds the seeded data)
#   bash deploy/compose/down.sh --volumes   # the volumes and the generated passwords go too
set -euo pipefail

source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)/lib.sh"

volumes=0
case ${1:-} in --volumes) volumes=1 ;; "") ;; *) sed -n '2,5p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2 ;; esac

containers=$(project_containers)
# shellcheck disable=SC2086  # one name per word
# (Without systemd podman complains that it cannot remove the health-check timers it never made: not an error here.)
[[ -z $containers ]] || podman rm -f -t 10 $containers 2> >(grep -v 'systemd connection' >&2) >/dev/null
for network in $(podman network ls -q --filter "label=io.podman.compose.project=$PROJECT_NAME"); do
    podman network rm "$network" >/dev/null
done
if (( volumes )); then
    for volume in $(podman volume ls -q --filter "label=io.podman.compose.project=$PROJECT_NAME"); do
        podman volume rm "$volume" >/dev/null
    done
    rm -rf "$ENV_FILE" "$STATE/$PROJECT_NAME-secrets"
fi
log "project $PROJECT_NAME removed$( (( volumes )) && echo ' with its volumes')"
