#!/usr/bin/env bash
# Outbox and reminder benchmark: 10,000 messages through the dispatcher to a local SMTP sink,
# one connection per batch vs one per message; then the reminder sweep over 100,000 actions.
#   bench/outbox-bench.sh [MESSAGES] [ACTIONS] [fake|greenmail]
# "fake" is a raw-socket SMTP sink that reads and discards (src/test/.../mail/FakeSmtpServer);
# "greenmail" is GreenMail, which also parses and stores every message (slower sink).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -o test-compile
mvn -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
java -Xmx1g -Dfile.encoding=UTF-8 -Dlogback.configurationFile=bench/logback-bench.xml \
    -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    se.planbot.bench.OutboxBench "${1:-10000}" "${2:-100000}" "${3:-fake}"
