#!/usr/bin/env bash
# The Debian base of every image built without a registry: a bookworm root filesystem made by debootstrap from
# Debian's packages with the runtime dependencies only (libc, ICU, OpenSSL, CA certificates, tzdata, and curl for the
# health checks), imported into podman as localhost/redes/base:bookworm.
#
#   bash deploy/compose/base.sh            # build it when missing (the root filesystem is cached, see lib.sh)
#   bash deploy/compose/base.sh --rebuild  # fetch the packages again (security updates)
set -euo pipefail

source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)/lib.sh"

MIRROR=${REDES_DEBIAN_MIRROR:-http://deb.debian.org/debian}
PACKAGES=ca-certificates,tzdata,libicu72,libssl3,curl
ARCHIVE=$CACHE/base-bookworm.tar

make_rootfs() {
    local root t0=$SECONDS
    command -v debootstrap >/dev/null || die "debootstrap not found (apt-get install -y debootstrap)"
    mkdir -p "$CACHE"
    root=$(mktemp -d "$CACHE/rootfs.XXXXXX")
    log "debootstrap --variant=minbase bookworm ($PACKAGES) from $MIRROR"
    debootstrap --variant=minbase --include="$PACKAGES" bookworm "$root" "$MIRROR" >"$CACHE/debootstrap.log" 2>&1 \
        || { tail -n 20 "$CACHE/debootstrap.log" >&2; rm -rf "$root"; die "debootstrap failed (log $CACHE/debootstrap.log)"; }
    # What a running service never reads: the downloaded .debs, package lists, documentation and translations.
    # apt keeps working in images built from it (apt-get update fetches the lists again).
    rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/cache/apt/*.bin "$root"/var/lib/apt/lists/* \
        "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/info/* "$root"/usr/share/locale/*
    tar -C "$root" -cf "$ARCHIVE.tmp" . && mv "$ARCHIVE.tmp" "$ARCHIVE"
    rm -rf "$root"
    log "root filesystem cached in $ARCHIVE ($((SECONDS - t0)) s)"
}

main() {
    local rebuild=0
    [[ ${1:-} == --rebuild ]] && rebuild=1
    if (( ! rebuild )) && podman image exists "$BASE_IMAGE"; then return 0; fi
    if (( rebuild )) || [[ ! -s $ARCHIVE ]]; then make_rootfs; fi
    podman import --change 'CMD ["/bin/bash"]' --change 'ENV LANG=C.UTF-8' \
        --message "debootstrap --variant=minbase bookworm + $PACKAGES" "$ARCHIVE" "$BASE_IMAGE" >/dev/null
    log "imported $BASE_IMAGE ($(podman image inspect --format '{{.Size}}' "$BASE_IMAGE" | numfmt --to=iec))"
}

main "$@"
