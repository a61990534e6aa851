#!/usr/bin/env bash
# Planbot against the machine's own ceiling, in one run: a bare Javalin endpoint started here is the
# ceiling; Planbot (the real jar, same JVM flags) serves 10,000 actions (and 100, to show page times do
# not grow with the plan). Each path: wrk -t2 -c16 for 5 s of warm-up, then SECONDS measured.
# Slack requests come from a pool signed in advance, each sent once (a replayed signature is refused).
# Start-up: launch to the first 200, median of 3, empty database (serve --demo), beside the bare start.
# Mail: remind sending MAILS reminders (one per owner) over one SMTP session into postfix's smtp-sink,
# beside smtp-source -d -s 1 sending as many messages of the same size into the same sink.
#   bench/perf-bench.sh [SECONDS] [ACTIONS] [MAILS]      results: bench/out/perf-results.md
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
actions="${2:-10000}"
mails="${3:-5000}"
PATH="$PATH:/usr/sbin"
{ command -v wrk && command -v smtp-sink && command -v smtp-source; } >/dev/null || bash .ci/needs-perf.sh
mvn -q -B -o -DskipTests package test-compile
classpath="target/planbot.jar:target/test-classes"
jvm=(java -Xmx512m -XX:+UseSerialGC -Dfile.encoding=UTF-8)
secret=bench-signing-secret
work="$(mktemp -d)"
mkdir -p bench/out
results=bench/out/perf-results.md
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
now_ms() { date +%s%3N; }
wait_200() { for _ in $(seq 1 3000); do curl -sf -o /dev/null "$1" && return 0; sleep 0.01; done; echo "no answer from $1" >&2; return 1; }

# Planbot's config: db, port, file mail, optional Slack pointed at the local fake.
config() {   # config NAME DB PORT [SLACK_URL]
    local file="$work/$1.properties"
    printf 'db.path=%s\nhttp.port=%s\nmail.file-dir=%s/mail-%s\n' "$2" "$3" "$work" "$1" > "$file"
    if [ -n "${4:-}" ]; then
        printf 'slack.bot-token=xoxb-bench\nslack.signing-secret=%s\nslack.api-url=%s\n' "$secret" "$4" >> "$file"
    fi
    echo "$file"
}

# Start-up, median of 3: launch → first 200.
startup() {   # startup LABEL URL COMMAND...
    local label="$1" url="$2"; shift 2
    local times=() rss=0
    for run in 1 2 3; do
        rm -rf "$work"/start.db*
        local start; start=$(now_ms)
        "$@" > "$work/start-$run.log" 2>&1 &
        local pid=$!
        wait_200 "$url"
        times+=($(( $(now_ms) - start )))
        rss=$(ps -o rss= -p "$pid" | tr -d ' ')
        kill "$pid"; wait "$pid" 2>/dev/null || true
    done
    local median; median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
    echo "$label $median $((rss / 1024))"
}

# wrk: warm-up, then the measured run; prints "req/s p50 p99 non2xx".
measure() {   # measure URL [POOL_TEXT]
    local url="$1" text="${2:-}" lua=()
    for phase in warm measured; do
        local duration=$seconds; [ "$phase" = warm ] && duration=5
        if [ -n "$text" ]; then
            "${jvm[@]}" -cp "$classpath" se.planbot.bench.PerfBench slack-pool "$work/pool" "$secret" \
                "$(( duration * ${POOL_RATE:-9000} ))" "$text"
            lua=(-s bench/slack-pool.lua)
        fi
        wrk -t2 -c16 -d"${duration}s" --latency "${lua[@]}" "$url" ${text:+-- "$work/pool" 2} > "$work/wrk.txt"
    done
    awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx/ {bad=$5}
         END {printf "%.0f %s %s %d\n", rps, p50, p99, bad}' "$work/wrk.txt"
}

ms() { awk -v t="$1" 'BEGIN { if (t ~ /us$/) v = t / 1000; else if (t ~ /ms$/) v = t + 0; else v = t * 1000; printf "%.2f", v }'; }

row() {   # row LABEL "rps p50 p99 bad"
    read -r rps p50 p99 bad <<< "$2"
    printf '| %s | %s | %s | %s | %.3f× | %s |\n' "$1" "$rps" "$(ms "$p50")" "$(ms "$p99")" \
        "$(awk -v a="$rps" -v b="$bare_rps" 'BEGIN { print a / b }')" "$bad" | tee -a "$results"
}

echo "== start-up"
port=$(free_port)
bare_start=$(startup bare "http://127.0.0.1:$port/" "${jvm[@]}" -cp "$classpath" se.planbot.bench.PerfBench bare "$port")
port=$(free_port)
planbot_start=$(startup planbot "http://127.0.0.1:$port/health" "${jvm[@]}" -jar target/planbot.jar serve --demo \
    --config "$(config start "$work/start.db" "$port")")

echo "== seeding $actions and 100 actions"
"${jvm[@]}" -cp "$classpath" se.planbot.bench.PerfBench seed "$work/big.db" "$actions" > "$work/seed.log" 2>&1
"${jvm[@]}" -cp "$classpath" se.planbot.bench.PerfBench seed "$work/small.db" 100 >> "$work/seed.log" 2>&1
"${jvm[@]}" -cp "$classpath" se.planbot.bench.PerfBench fake-slack "$work/slack-url" > "$work/slack.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 500); do [ -s "$work/slack-url" ] && break; sleep 0.02; done

bare_port=$(free_port)
"${jvm[@]}" -cp "$classpath" se.planbot.bench.PerfBench bare "$bare_port" > "$work/bare.log" 2>&1 &
pids+=($!)
big_port=$(free_port)
"${jvm[@]}" -jar target/planbot.jar serve --config "$(config big "$work/big.db" "$big_port" "$(cat "$work/slack-url")")" \
    > "$work/big.log" 2>&1 &
pids+=($!)
small_port=$(free_port)
"${jvm[@]}" -jar target/planbot.jar serve --config "$(config small "$work/small.db" "$small_port")" > "$work/small.log" 2>&1 &
pids+=($!)
wait_200 "http://127.0.0.1:$bare_port/"; wait_200 "http://127.0.0.1:$big_port/health"; wait_200 "http://127.0.0.1:$small_port/health"
big="http://127.0.0.1:$big_port"
small="http://127.0.0.1:$small_port"

{
    echo "# Planbot performance — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    echo "wrk -t2 -c16, 5 s warm-up, ${seconds} s measured; $actions actions; ratio = req/s ÷ the bare Javalin endpoint's."
    echo
    echo "| path | req/s | p50 ms | p99 ms | ratio | non-2xx |"
    echo "|---|---|---|---|---|---|"
} > "$results"
bare=$(measure "http://127.0.0.1:$bare_port/")
read -r bare_rps _ <<< "$bare"
row "bare Javalin \`GET /\` (ceiling)" "$bare"
row "Slack \`/plan 5000\` (detail)" "$(measure "$big/slack/events" 5000)"
row "Slack \`/plan företagsklimatet\` (all $actions match)" "$(POOL_RATE=3000 measure "$big/slack/events" företagsklimatet)"
row "Slack \`/plan bygglov\` (1 % match)" "$(measure "$big/slack/events" bygglov)"
row "\`GET /plan\` ($actions actions)" "$(measure "$big/plan")"
row "\`GET /plan\` (100 actions)" "$(measure "$small/plan")"
row "\`GET /plan?page=150\` ($actions actions)" "$(measure "$big/plan?page=150")"
row "\`GET /plan?q=bygglov\`" "$(measure "$big/plan?q=bygglov")"
row "\`GET /api/v1/actions\` ($actions actions)" "$(measure "$big/api/v1/actions")"
row "\`GET /api/v1/actions\` (100 actions)" "$(measure "$small/api/v1/actions")"
row "\`GET /api/v1/actions?q=företagsklimatet\`" "$(measure "$big/api/v1/actions?q=f%C3%B6retagsklimatet")"
row "\`GET /\` (front page, $actions actions)" "$(measure "$big/")"
{
    echo
    read -r _ bare_ms bare_rss <<< "$bare_start"
    read -r _ planbot_ms planbot_rss <<< "$planbot_start"
    echo "| start-up (launch → first 200, median of 3) | ms | RSS MB | ratio |"
    echo "|---|---|---|---|"
    echo "| bare Javalin | $bare_ms | $bare_rss | 1× |"
    echo "| Planbot \`serve --demo\`, empty database | $planbot_ms | $planbot_rss | $(awk -v a="$planbot_ms" -v b="$bare_ms" 'BEGIN { printf "%.2f", a / b }')× |"
    echo
    printf 'Page sizes: GET /plan %s bytes, GET /api/v1/actions %s bytes (%s actions).\n' \
        "$(curl -s "$big/plan" | wc -c)" "$(curl -s "$big/api/v1/actions" | wc -c)" "$actions"
} | tee -a "$results"

echo "== mail: $mails reminders into smtp-sink"
sink_port=$(free_port)
sink_user=(); [ "$(id -u)" = 0 ] && sink_user=(-u nobody)
smtp-sink "${sink_user[@]}" "127.0.0.1:$sink_port" 100 > "$work/sink.log" 2>&1 &
pids+=($!)
# A Monday with the deadlines a week on: one 7-day reminder per owner, no digest (no coordinator).
"${jvm[@]}" -cp "$classpath" se.planbot.bench.PerfBench seed-mail "$work/mail.db" "$mails" 2027-03-08 >> "$work/seed.log" 2>&1
"${jvm[@]}" -cp "$classpath" se.planbot.bench.PerfBench seed-mail "$work/one.db" 1 2027-03-08 >> "$work/seed.log" 2>&1
printf 'db.path=%s\nmail.file-dir=%s/one-mail\n' "$work/one.db" "$work" > "$work/one.properties"
"${jvm[@]}" -jar target/planbot.jar remind --at 2027-03-01T08:00 --config "$work/one.properties" > "$work/one.log" 2>&1
size=$(stat -c %s "$work"/one-mail/*.eml | head -1)
printf 'db.path=%s\nmail.transport=smtp\nsmtp.host=127.0.0.1\nsmtp.port=%s\nmail.from=Planbot <planbot@example.se>\n' \
    "$work/mail.db" "$sink_port" > "$work/mail.properties"
"${jvm[@]}" -jar target/planbot.jar remind --at 2027-03-01T08:00 --config "$work/mail.properties" > "$work/remind.log" 2>&1
# The dispatch: first to last "Sent outbox message" in the log (JVM start and the sweep not counted).
planbot_mail=$(grep 'Sent outbox message' "$work/remind.log" | awk -v n="$mails" '
    { split($1, t, ":"); s = t[1] * 3600 + t[2] * 60 + t[3]; if (NR == 1) first = s; last = s; count++ }
    END { printf "%d %.0f\n", count, (count - 1) / (last - first) }')
start=$(now_ms)
smtp-source -d -s 1 -m "$mails" -l "$size" -f planbot@example.se -t owner@example.se "127.0.0.1:$sink_port"
source_rate=$(awk -v n="$mails" -v ms="$(( $(now_ms) - start ))" 'BEGIN { printf "%.0f", n * 1000 / ms }')
{
    echo
    read -r sent planbot_rate <<< "$planbot_mail"
    echo "| mail, $mails reminders of $size bytes, one SMTP session into smtp-sink | msg/s | ratio |"
    echo "|---|---|---|"
    echo "| \`smtp-source -d -s 1\` (ceiling) | $source_rate | 1× |"
    echo "| Planbot \`remind\` ($sent sent; first to last send) | $planbot_rate | $(awk -v a="$planbot_rate" -v b="$source_rate" 'BEGIN { printf "%.2f", a / b }')× |"
    echo
    echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
} | tee -a "$results"
