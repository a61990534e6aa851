#!/usr/bin/env bash
# Business benchmark: publishing a dialog to N confirmed subscribers (invitation + calendar file +
# link token each, in one transaction), then public page throughput with C concurrent clients.
#   bench/business-bench.sh [SUBSCRIBERS] [REQUESTS_PER_PAGE] [CLIENTS]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -o test-compile
mvn -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
java -Xmx1g -Dfile.encoding=UTF-8 -Dlogback.configurationFile=bench/logback-bench.xml \
    -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    se.planbot.bench.BusinessBench "${1:-5000}" "${2:-4000}" "${3:-8}"
