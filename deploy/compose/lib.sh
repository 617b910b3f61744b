# shellcheck shell=bash disable=SC2034  # variables here are used by the scripts that source this file
# Shared by deploy/compose/{images,up,down,test}.sh (sourced, not run): the platform in containers with podman,
# images built here without a registry (ADR 0021).
#
# Overrides: REDES_COMPOSE_PROJECT (redes; prefixes every container, network and volume), REDES_GATEWAY_PORT (5100; the
# only published port), REDES_CONTAINER_CACHE (/var/cache/redes-containers; the Debian base's root filesystem),
# REDES_LOCAL_STATE_DIR (.local; secrets and the host's publish output go under <it>/compose/).

COMPOSE_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
REPO=$(cd "$COMPOSE_DIR/../.." && pwd -P)
COMPOSE_FILE=$COMPOSE_DIR/docker-compose.yml

PROJECT_NAME=${REDES_COMPOSE_PROJECT:-redes}
GATEWAY_PORT=${REDES_GATEWAY_PORT:-5100}
CACHE=${REDES_CONTAINER_CACHE:-/var/cache/redes-containers}
STATE=${REDES_LOCAL_STATE_DIR:-$REPO/.local}/compose
# Passwords for this machine's stack: made once, kept out of every image and out of the repository.
ENV_FILE=$STATE/$PROJECT_NAME.env
PUBLISH=$STATE/publish

# The images the local run builds; compose names the same ones (see docker-compose.yml's image: lines).
BASE_IMAGE=localhost/redes/base:bookworm
TAG=local
# key  project (relative to the repository)  target
DOTNET_IMAGES=(
    "tenants    services/Tenants/Tenants.csproj       service"
    "networks   services/Networks/Networks.csproj     service"
    "financing  services/Financing/Financing.csproj   service"
    "reporting  services/Reporting/Reporting.csproj   service"
    "gateway    gateway/Gateway.csproj                gateway"
)

log()  { printf '[compose] %s\n' "$*" >&2; }
warn() { printf '[compose] WARNING: %s\n' "$*" >&2; }
die()  { printf '[compose] ERROR: %s\n' "$*" >&2; exit 1; }

# Debian's podman with runc (crun, podman's first choice, cannot start containers on hosts with mixed cgroups), the
# compose front end, and what the images and the test need. Installed once, as root, like deploy/local/infra.sh installs
# PostgreSQL and RabbitMQ; without root the missing tools are named instead.
CONTAINER_TOOLS=(podman runc podman-compose netavark aardvark-dns iptables debootstrap jq)
ensure_tools() {
    local tool missing=()
    for tool in podman runc podman-compose debootstrap jq; do command -v "$tool" >/dev/null || missing+=("$tool"); done
    (( ${#missing[@]} )) || return 0
    [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null \
        || die "missing ${missing[*]}: install them once with sudo apt-get install -y ${CONTAINER_TOOLS[*]}"
    log "installing ${CONTAINER_TOOLS[*]} with apt (one-time)"
    DEBIAN_FRONTEND=noninteractive apt-get -q -y -o DPkg::Lock::Timeout=300 update >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive apt-get -q -y -o DPkg::Lock::Timeout=300 install --no-install-recommends \
        "${CONTAINER_TOOLS[@]}" >/dev/null || die "apt-get install ${CONTAINER_TOOLS[*]} failed"
}

# podman-compose with this checkout's file and project name; the caller exports the variables of $ENV_FILE (podman-compose
# 1.0 has no --env-file, and would read only a .env beside the compose file).
compose() {
    podman-compose --project-name "$PROJECT_NAME" -f "$COMPOSE_FILE" "$@"
}

# Every container of this project, by the label podman-compose puts on them.
project_containers() {
    podman ps -a --filter "label=io.podman.compose.project=$PROJECT_NAME" --format '{{.Names}}'
}

container_of() { # compose service -> container name
    podman ps -a --filter "label=io.podman.compose.project=$PROJECT_NAME" --filter "label=com.docker.compose.service=$1" --format '{{.Names}}' | head -n1
}
