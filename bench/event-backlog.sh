#!/usr/bin/env bash
# A backlog that costs nothing (issue "Events keep up", item 4): 1,000,000 events pending for
# 1,000 tenants, as after an hour of the platform's receiver down at peak (every tenant waiting
# out an hour's backoff but one, whose retry is due), stored straight into the database of a
# service started without a receiver (bench/EventBacklog.java seed). Then: how long a claim takes
# with that backlog (target under 10 ms), and, the service started again with a receiver that
# answers 50 ms late, how fast the backlog drains (target: the 1,000 events a second of
# bench/event-delivery.sh), starting with the first answered retry rather than an hour later.
# The service runs as shipped otherwise, on dev.yml's embedded PostgreSQL in target/bench-event-backlog.
#
#   bench/event-backlog.sh [events] [tenants] [drain seconds]     # default 1000000 1000 60
set -euo pipefail
cd "$(dirname "$0")/.."

events=${1:-1000000}
tenants=${2:-1000}
drain_seconds=${3:-60}
work=target/bench-event-backlog
receiver_port=${RECEIVER_PORT:-8092}
events_secret=bench-events-secret-not-a-real-one-0123456789
# shellcheck source=bench/service.sh
source bench/service.sh

start_service
wait_healthy
jdbc="jdbc:postgresql://localhost:$pg_port/postgres"
java -cp "$jar" bench/EventBacklog.java seed "$jdbc" postgres "$events" "$tenants"
status=0
# The claim alone (the stream and its first event), then with a whole batch of 100 events read.
java -cp "$jar" bench/EventBacklog.java claims "$jdbc" postgres 1000 1 || status=1
java -cp "$jar" bench/EventBacklog.java claims "$jdbc" postgres 1000 100 || status=1

# The receiver is back: the service (restarted, with it) delivers the backlog.
kill "$server" && wait "$server" 2>/dev/null || true
java -cp "$jar" bench/EventBacklog.java drain "$receiver_port" "$drain_seconds" &
drain=$!
start_service -Ddw.events.webhookUrl="http://localhost:$receiver_port/events" \
  -Ddw.events.webhookSecret="$events_secret"
wait "$drain" || status=1
exit $status
