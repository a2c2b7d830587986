#!/usr/bin/env bash
# Load on Meta's webhook intake: signed WhatsApp message bodies (bench/webhook.lua computes each
# X-Hub-Signature-256 itself), every one a new message for one of the tenant's numbers, so each is
# verified, routed, stored and queued as a whatsapp.change event in one transaction before the 200.
#
#   1. throughput: 2 threads x 8, then x 32 connections, 30 s each after a warm-up; requests/s,
#      p50, p99, non-2xx (wrk keeps every connection busy: these are the rates at saturation).
#   2. crash: the same load, the server killed with kill -9 halfway; then every body answered 200
#      must be in webhook_changes (count stored against acknowledged).
#
# The service runs as ./run.sh runs it (the jar with jvm.options, dev.yml, embedded PostgreSQL with fsync and
# synchronous commits), with its data in target/bench-webhooks (deleted first), and the per-address
# webhook rate limit lifted: all the load comes from one address, and the limiter is not what is
# measured. Needs wrk (Debian: apt-get install wrk); localhost only.
#
#   bench/webhook-load.sh
#   WARM_UP_SECONDS=2 RUN_SECONDS=2 bench/webhook-load.sh    # a brief run (.ci/run)
set -euo pipefail
cd "$(dirname "$0")/.."

command -v wrk >/dev/null || { echo "wrk is not installed (Debian/Ubuntu: apt-get install wrk)" >&2; exit 1; }

jar=bootstrap/target/tenant-config.jar
# The embedded PostgreSQL's binaries, which the production jar leaves out, come from dev-lib (as in run.sh).
if [[ ! -f "$jar" ]] || [[ ! -d bootstrap/target/dev-lib ]] \
  || [[ -n "$(find pom.xml ./*/pom.xml ./*/src dev.yml -newer "$jar" -print -quit)" ]]; then
  echo "Building $jar ..."
  mvn -B -q -DskipTests package
fi

work=target/bench-webhooks
rm -rf "$work"
mkdir -p "$work"
api=http://localhost:${PORT:-8002}
admin=http://localhost:${ADMIN_PORT:-8003}

export WEBHOOK_SECRET=bench-app-secret-not-a-real-one-0123456789
export WEBHOOK_WABA=102290129340398
export WEBHOOK_NUMBERS=106540352242901,106540352242902,106540352242903,106540352242904,106540352242905
printf 'FB_APP_SECRET=%s\n' "$WEBHOOK_SECRET" >"$work/.env"

server=
echo "settings: dev.yml with config.yml's logging; changed for this benchmark: the webhook rate limit (one address sends it all)"
start() {
  # shellcheck disable=SC2046 # one flag per word, as the production command reads jvm.options
  FB_APP_SECRET=$WEBHOOK_SECRET DOTENV_FILE="$work/.env" java $(cat jvm.options) \
    -Ddw.database.embedded.dataDirectory="$work/postgres" \
    -Ddw.encryption.keysetFile="$work/encryption-keyset.json" \
    -Ddw.logging.loggers.io\\.tenantconfig=INFO \
    -Ddw.rateLimits.webhookBurst=100000000 -Ddw.rateLimits.webhookPerMinute=100000000 \
    -cp "$jar:bootstrap/target/dev-lib/*" io.tenantconfig.bootstrap.TenantConfigApplication server dev.yml \
    >>"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 120); do
    curl -fs "$admin/healthcheck" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "the service did not start; its output:" >&2
  cat "$work/server.log" >&2
  exit 1
}
postgres_pid() { head -1 "$work/postgres/postmaster.pid" 2>/dev/null || true; }
cleanup() {
  [[ -n "$server" ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  local pg
  pg=$(postgres_pid)
  [[ -n "$pg" ]] && kill -INT "$pg" 2>/dev/null || true
}
trap cleanup EXIT

start
token=$(java -jar "$jar" token --tenant bench --subject bench dev.yml)
first_number=${WEBHOOK_NUMBERS%%,*}
curl -fs -o /dev/null -X POST "$api/api/v1/tenant/config" -H "Authorization: Bearer $token" \
  -H "Content-Type: application/json" -d "{\"waba_id\":\"$WEBHOOK_WABA\",\"phone_number_id\":\"$first_number\"}"
for number in ${WEBHOOK_NUMBERS//,/ }; do
  [[ "$number" == "$first_number" ]] && continue
  curl -fs -o /dev/null -X POST "$api/api/v1/tenant/config/phone-numbers" -H "Authorization: Bearer $token" \
    -H "Content-Type: application/json" -d "{\"phone_number_id\":\"$number\"}"
done

load() { # run-name seconds
  WEBHOOK_RUN=$1 wrk -t2 -c32 -d"$2"s --latency -s bench/webhook.lua "$api/api/v1/webhooks/whatsapp"
}

# On 2 cores the JIT needs over a minute of load before the figures say anything about the service.
warm_up=${WARM_UP_SECONDS:-90}
echo "warming up (JIT, connection pool) for $warm_up s ..."
for round in 1 2 3 4 5 6; do
  load "warmup-$round" $(((warm_up + 5) / 6)) >/dev/null
done

measure() { # connections
  local out rps p50 p99 non2xx acked
  out=$(WEBHOOK_RUN="measured-$1" wrk -t2 -c"$1" -d"${RUN_SECONDS:-30}"s --latency -s bench/webhook.lua "$api/api/v1/webhooks/whatsapp")
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  acked=$(awk '/^acknowledged/ {print $2}' <<<"$out")
  printf 'signed webhook POSTs, %2s connections, %s s: %8s req/s, p50 %8s, p99 %8s, non-2xx %s, acknowledged %s\n' \
    "$1" "${RUN_SECONDS:-30}" "$rps" "$p50" "$p99" "${non2xx:-0}" "$acked"
}
measure 8
measure 32

echo "crash test: the same load, kill -9 of the server after 10 s ..."
WEBHOOK_RUN=crash wrk -t2 -c32 -d20s -s bench/webhook.lua "$api/api/v1/webhooks/whatsapp" >"$work/crash.out" 2>&1 &
load_pid=$!
sleep 10
kill -9 "$server"
wait "$server" 2>/dev/null || true
server=
wait "$load_pid" || true
acked=$(awk '/^acknowledged/ {print $2}' "$work/crash.out")

# The server is gone; its embedded PostgreSQL (a process of its own) still runs: count there.
pg_port=$(sed -n 4p "$work/postgres/postmaster.pid")
stored=$(java -cp "$jar" bench/CountStored.java "jdbc:postgresql://localhost:$pg_port/postgres" postgres \
  'wamid:wamid.bench-crash-%')
printf 'kill -9 under load: acknowledged %s, stored %s, lost %s\n' "$acked" "$stored" \
  "$(( acked > stored ? acked - stored : 0 ))"
if (( stored < acked )); then
  echo "LOST: $(( acked - stored )) bodies answered 200 are not stored" >&2
  exit 1
fi
