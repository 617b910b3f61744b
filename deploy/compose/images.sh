#!/usr/bin/env bash
# The platform's images, built on this machine without a registry (ADR 0021): the Debian base (base.sh), PostgreSQL and
# RabbitMQ from Debian's packages, and every service and the gateway from deploy/compose/Dockerfile, the recipe a
# registry user builds too, with the base and the published output given as build arguments and contexts.
#
#   bash deploy/compose/images.sh             # build what is missing or was built from another commit
#   bash deploy/compose/images.sh --rebuild   # build them all again
#   bash deploy/compose/images.sh --sizes     # print each image's size
set -euo pipefail

source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)/lib.sh"

# runc here cannot raise the limits podman asks for by default (mixed cgroups): ask for less.
BUILD_ARGS=(--format docker --ulimit nofile=16384:16384 --ulimit nproc=4096:4096)

source_url() {
    git -C "$REPO" config --get remote.origin.url 2>/dev/null || echo "RedesPlataforma"
}

# An image's revision label: the last commit that changed what goes into it, so a commit elsewhere (docs, tests, another
# image) does not rebuild it. Uncommitted changes do not count: build them with --rebuild.
revision_of() { # path...
    git -C "$REPO" log -1 --format=%H -- "$@" 2>/dev/null || echo unknown
}

# What a .NET image is built from (the gateway's also holds the portal).
DOTNET_INPUTS=(services gateway Directory.Build.props Directory.Build.targets Directory.Packages.props global.json deploy/compose/Dockerfile deploy/compose/publish.sh)

# The image a rebuild replaces would stay behind untagged: remove it once the new one has the tag.
drop_replaced() { # image previous-id
    [[ -n $2 && $(podman image inspect --format '{{.Id}}' "$1") != "$2"* ]] && podman rmi "$2" >/dev/null 2>&1 || true
}

current() { # image revision -> 0 when the image exists and carries that revision
    (( ! REBUILD )) || return 1
    [[ $(podman image inspect --format '{{index .Config.Labels "org.opencontainers.image.revision"}}' "$1" 2>/dev/null) == "$2" ]]
}

build_infrastructure() { # name (postgres | rabbitmq)
    local image=localhost/redes/$1:$TAG revision previous t0=$SECONDS
    revision=$(revision_of "deploy/compose/$1")
    current "$image" "$revision" && return 0
    log "building $image from Debian's packages"
    previous=$(podman image inspect --format '{{.Id}}' "$image" 2>/dev/null || true)
    podman build -q "${BUILD_ARGS[@]}" --build-arg BASE_IMAGE="$BASE_IMAGE" \
        --build-arg SOURCE="$(source_url)" --build-arg REVISION="$revision" \
        -t "$image" "$COMPOSE_DIR/$1" >/dev/null
    drop_replaced "$image" "$previous"
    log "built $image in $((SECONDS - t0)) s"
}

build_dotnet() { # key project target
    local key=$1 project=$2 target=$3 image=localhost/redes/$1:$TAG revision t0=$SECONDS contexts=() inputs=("${DOTNET_INPUTS[@]}") previous
    [[ $target == gateway ]] && inputs+=(portal)
    revision=$(revision_of "${inputs[@]}")
    current "$image" "$revision" && return 0
    previous=$(podman image inspect --format '{{.Id}}' "$image" 2>/dev/null || true)
    log "publishing $project self-contained for linux-x64"
    # Its own artifacts folder: a linux-x64 restore in the projects' obj/ would make the next ordinary build restore and
    # compile everything again.
    bash "$COMPOSE_DIR/publish.sh" "$REPO/$project" "$PUBLISH/$key" -r linux-x64 --self-contained --artifacts-path "$STATE/artifacts" >/dev/null
    contexts=(--build-context "published=$PUBLISH/$key")
    if [[ $target == gateway ]]; then
        log "building the web portal (deploy/local/portal.sh build)"
        bash "$REPO/deploy/local/portal.sh" build >"$STATE/portal-build.log" 2>&1 \
            || { tail -n 30 "$STATE/portal-build.log" >&2; die "the portal's build failed"; }
        contexts+=(--build-context "portal=$REPO/portal/dist")
    fi
    podman build -q "${BUILD_ARGS[@]}" -f "$COMPOSE_DIR/Dockerfile" --ignorefile "$COMPOSE_DIR/Dockerfile.dockerignore" \
        --build-arg PROJECT="$project" --build-arg RUNTIME_IMAGE="$BASE_IMAGE" \
        --build-arg SOURCE="$(source_url)" --build-arg REVISION="$revision" \
        "${contexts[@]}" --target "$target" -t "$image" "$REPO" >/dev/null
    drop_replaced "$image" "$previous"
    log "built $image in $((SECONDS - t0)) s"
}

print_sizes() {
    local row key
    printf '[compose] image sizes:\n'
    for row in "base base" "postgres" "rabbitmq" "${DOTNET_IMAGES[@]}"; do
        read -r key _ <<<"$row"
        local image=localhost/redes/$key:$TAG
        [[ $key == base ]] && image=$BASE_IMAGE
        podman image exists "$image" || continue
        printf '  %-38s %s\n' "$image" "$(podman image inspect --format '{{.Size}}' "$image" | numfmt --to=si --suffix=B)"
    done
}

main() {
    REBUILD=0
    case ${1:-} in
        --rebuild) REBUILD=1 ;;
        --sizes) print_sizes; return ;;
        "") ;;
        *) sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
    esac
    ensure_tools
    mkdir -p "$PUBLISH"
    local t0=$SECONDS row
    bash "$COMPOSE_DIR/base.sh"
    build_infrastructure postgres
    build_infrastructure rabbitmq
    for row in "${DOTNET_IMAGES[@]}"; do
        # shellcheck disable=SC2086  # the row's words are the arguments
        build_dotnet $row
    done
    log "images ready in $((SECONDS - t0)) s"
}

main "$@"
