#!/usr/bin/env bash
# Refreshes openapi/*.json from a running stack (bash deploy/local/up.sh), so the committed documents are what the
# services serve (EndToEnd's PortalContractTests compares them; `npm run lint:openapi` lints them).
set -euo pipefail
gateway=${1:-http://127.0.0.1:5100}
cd "$(dirname "${BASH_SOURCE[0]}")/.."
for service in tenants networks financing reporting; do
    curl -fsS "$gateway/openapi/$service.json" | node -e '
        let text = ""; process.stdin.on("data", d => text += d).on("end", () =>
            process.stdout.write(JSON.stringify(JSON.parse(text), null, 2) + "\n"));' >"openapi/$service.json"
    echo "openapi/$service.json"
done
