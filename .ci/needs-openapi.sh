#!/usr/bin/env bash
# What the OpenAPI document's tests need beyond Java/Maven (idempotent; called from .ci/run):
#  - node + npm, and openapi-check/node_modules (@seriousme/openapi-schema-validator, @redocly/cli):
#    two validators that are not ours, run offline by OpenApiDocumentTest through openapi-check/check.mjs.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v npm >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get update -q
    as_root apt-get install -y -q --no-install-recommends nodejs npm
fi
if [ ! -d "$here/openapi-check/node_modules/@seriousme/openapi-schema-validator" ] \
        || [ ! -d "$here/openapi-check/node_modules/@redocly/cli" ]; then
    (cd "$here/openapi-check" && npm ci --no-audit --no-fund)
fi
