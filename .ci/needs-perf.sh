#!/usr/bin/env bash
# What bench/perf-bench.sh needs beyond Java/Maven: wrk, and postfix for its smtp-source and smtp-sink
# (the mail ceiling; installed with "No configuration", so no mail daemon is set up or left running). Not used by the tests;
# .ci/run calls every needs-*.sh, so this only installs when CI_PERF=1 or when run by hand.
set -euo pipefail
if [ "${CI:-}" = true ] && [ "${CI_PERF:-}" != 1 ]; then
    exit 0
fi
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v wrk >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get update -q
    as_root apt-get install -y -q --no-install-recommends wrk
fi
if ! command -v smtp-sink >/dev/null 2>&1 && [ ! -x /usr/sbin/smtp-sink ]; then
    export DEBIAN_FRONTEND=noninteractive
    echo "postfix postfix/main_mailer_type select No configuration" | as_root debconf-set-selections
    as_root apt-get install -y -q --no-install-recommends postfix
fi
