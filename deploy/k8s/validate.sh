#!/usr/bin/env bash
# Renders deploy/k8s offline as `kubectl apply -k` would (kubectl kustomize, no cluster) and validates every object, and
# the Secrets template, against the Kubernetes API's JSON schemas (validate/: kubernetes-models from npm, pinned by its
# lockfile). Prints one line per object; exits non-zero on the first run with an invalid one.
#
#   bash deploy/k8s/validate.sh                # fails without kubectl
#   bash deploy/k8s/validate.sh --if-possible  # .ci/run: says SKIPPED and exits 0 without kubectl
set -euo pipefail

K8S=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)

if ! command -v kubectl >/dev/null; then
    [[ ${1:-} == --if-possible ]] && { echo "[k8s] SKIPPED: kubectl not found; the manifests were not rendered"; exit 0; }
    echo "[k8s] ERROR: kubectl not found (its kustomize renders the manifests)" >&2; exit 1
fi
# npm ci only when the lockfile changed since the last install.
if [[ ! -f $K8S/validate/node_modules/.package-lock.json || $K8S/validate/package-lock.json -nt $K8S/validate/node_modules/.package-lock.json ]]; then
    (cd "$K8S/validate" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
{ kubectl kustomize "$K8S"; echo ---; cat "$K8S/secrets.example.yaml"; } \
    | python3 -c 'import json, sys, yaml; print(json.dumps([d for d in yaml.safe_load_all(sys.stdin) if d]))' \
    | node "$K8S/validate/validate.mjs" | sed 's/^/[k8s] /'
