#!/usr/bin/env bash
# Read throughput of the plan API beside /health, with wrk (Debian package), on the demo plan.
# Usage: bench/api-bench.sh [seconds]   (builds the jar if missing; uses port 7095 and a temp folder)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-8}"
command -v wrk >/dev/null || { echo "needs wrk: apt-get install -y wrk" >&2; exit 2; }
[ -f target/planbot.jar ] || mvn -q -B -DskipTests package
work="$(mktemp -d)"
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
printf "db.path=%s/planbot.db\nmail.file-dir=%s/mail\nhttp.port=7095\n" "$work" "$work" > "$work/planbot.properties"
java -jar target/planbot.jar serve --demo --config "$work/planbot.properties" > "$work/log" 2>&1 &
pid=$!
for _ in $(seq 1 60); do curl -sf localhost:7095/health >/dev/null && break; sleep 0.5; done
paths=(/health /api/v1/actions '/api/v1/actions?overdue=true' /api/v1/actions/1 '/api/v1/actions?q=foretag')
for path in "${paths[@]}"; do wrk -t2 -c16 -d3s "http://localhost:7095$path" >/dev/null; done   # warm up the JIT
for path in /health /api/v1/actions '/api/v1/actions?overdue=true' /api/v1/actions/1 '/api/v1/actions?q=foretag'; do
    printf '%-32s ' "$path"
    wrk -t2 -c16 -d"${seconds}s" --latency "http://localhost:7095$path" \
        | awk '/Requests\/sec/ {rps=$2} / 50%/ {p50=$2} / 99%/ {p99=$2} END {printf "%8.0f req/s  p50 %-8s p99 %s\n", rps, p50, p99}'
done
