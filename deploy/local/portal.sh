#!/usr/bin/env bash
# The web portal (portal/): install its npm packages from the committed lockfile when they changed, then
#   bash deploy/local/portal.sh build   # typed API client, type check, Vite build, pre-compressed files -> portal/dist
#   bash deploy/local/portal.sh test    # Vitest component tests, then Spectral over the services' OpenAPI documents
# Node.js and npm come from the machine (Debian's nodejs/npm are installed when missing); packages only from the npm registry.
set -euo pipefail

portal="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../portal" && pwd -P)"
cd "$portal"

log() { printf '[portal] %s\n' "$*" >&2; }

if ! command -v npm >/dev/null; then
    log "installing Debian's nodejs and npm"
    # Waits for the lock while infra.sh installs its own packages (the test command runs both at once).
    apt=(apt-get -qq -o DPkg::Lock::Timeout=300)
    "${apt[@]}" update && DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y nodejs npm >/dev/null
fi

# npm ci wipes node_modules; only when the lockfile is newer than what it installed last time.
if [[ ! node_modules/.package-lock.json -nt package-lock.json ]]; then
    log "npm ci"
    npm ci --no-audit --no-fund --loglevel=error
fi

case ${1:-build} in
    build) npm run --silent build ;;
    test) npx vitest run && npm run --silent lint:openapi ;;
    *) log "usage: portal.sh build|test"; exit 2 ;;
esac
