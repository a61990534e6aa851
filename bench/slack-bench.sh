#!/usr/bin/env bash
# Slack slash-command benchmark: latency (median, p99) and throughput at 50 and 200 requests/s
# against a database of 10,000 actions, beside GET /health of the same server as a baseline.
# Planbot runs as its own JVM from target/planbot.jar; the load generator (SlashCommandBench, in
# src/test) seeds the database, fakes Slack's Web API and signs every request like Slack does.
#   bench/slack-bench.sh [SECONDS_PER_RUN]     (default 15; results as a Markdown table)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests package test-compile
mkdir -p bench/out
java -Xmx512m -cp target/planbot.jar:target/test-classes se.planbot.slack.SlashCommandBench bench/out "${1:-15}" \
  2> bench/out/bench.log | tee bench/out/slack-bench.md
