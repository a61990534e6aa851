#!/usr/bin/env bash
# What the business feature's tests need beyond Java/Maven (idempotent; called from .ci/run):
#  - python3-icalendar: an independent (non-ical4j) parser that checks every .ics we produce;
#    tests call /usr/bin/python3 (Debian's), not a pyenv shim.
#  - chromium + a11y/node_modules (playwright-core, axe-core): the accessibility check of every
#    public page (AccessibilityTest runs a11y/check.mjs against a Planbot on port 0).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
need_apt=()
/usr/bin/python3 -c 'import icalendar' 2>/dev/null || need_apt+=(python3-icalendar)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
command -v npm >/dev/null 2>&1 || need_apt+=(nodejs npm)
if [ ${#need_apt[@]} -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get update -q
    as_root apt-get install -y -q --no-install-recommends "${need_apt[@]}"
fi
if [ ! -d "$here/a11y/node_modules/axe-core" ] || [ ! -d "$here/a11y/node_modules/playwright-core" ]; then
    (cd "$here/a11y" && npm ci --no-audit --no-fund)
fi
