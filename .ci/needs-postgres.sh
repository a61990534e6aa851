#!/usr/bin/env bash
# What the PostgreSQL tests need beyond Java/Maven (idempotent; called from .ci/run):
#  - Debian's postgresql server (initdb, pg_ctl) and its contrib (unaccent, for the search index).
#    The tests start a throwaway server themselves (src/test/java/se/planbot/db/PostgresServer:
#    initdb into a temp folder, pg_ctl on a free port of 127.0.0.1, as the postgres user when run
#    as root); nothing listens on 5432 and no cluster of the machine is touched. Debian's package
#    creates and starts a default cluster: it is stopped again unless it was running before.
set -euo pipefail
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
have_server() { ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ls /usr/share/postgresql/*/extension/unaccent.control >/dev/null 2>&1; }
if ! have_server; then
    export DEBIAN_FRONTEND=noninteractive
    was_running=false
    pgrep -u postgres -x postgres >/dev/null 2>&1 && was_running=true
    as_root apt-get update -q
    as_root apt-get install -y -q --no-install-recommends postgresql postgresql-contrib
    if [ "$was_running" = false ] && command -v pg_ctlcluster >/dev/null 2>&1; then
        for cluster in $(pg_lsclusters -h 2>/dev/null | awk '{print $1 "/" $2}'); do
            as_root pg_ctlcluster "${cluster%/*}" "${cluster#*/}" stop 2>/dev/null || true
        done
    fi
fi
have_server || { echo "PostgreSQL's initdb or unaccent is still missing" >&2; exit 1; }
command -v runuser >/dev/null 2>&1 || [ "$(id -u)" != 0 ] || { echo "runuser (util-linux) is needed to run initdb as postgres" >&2; exit 1; }
