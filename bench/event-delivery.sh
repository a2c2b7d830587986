#!/usr/bin/env bash
# Events keep up with Meta's messages (issue "Events keep up"): a receiver that answers every POST
# 50 ms late, and an intake of signed WhatsApp message bodies at a fixed rate to the app-level
# webhook URL, first for one tenant, then spread over 100 (bench/EventDelivery.java). Passes when
# p99 from the service's 200 to the receiver is under 2 s during the intake, and every message
# acknowledged has reached the receiver within 5 s after the intake ended. The service runs as
# shipped (the events section's defaults, jvm.options, INFO logging, the sweep on) on dev.yml's
# embedded PostgreSQL in target/bench-event-delivery (made afresh).
#
# Each run starts with a warm-up of the same intake (not counted): on two cores the JIT needs load
# before the figures say anything about the service.
#
#   bench/event-delivery.sh [messages per second] [seconds] [warm-up seconds]     # default 1000 20 30
set -euo pipefail
cd "$(dirname "$0")/.."

rate=${1:-1000}
seconds=${2:-20}
warm_up=${3:-30}
work=target/bench-event-delivery
receiver_port=${RECEIVER_PORT:-8091}
app_secret=bench-app-secret-not-a-real-one-0123456789
events_secret=bench-events-secret-not-a-real-one-0123456789
# shellcheck source=bench/service.sh
source bench/service.sh
printf 'FB_APP_SECRET=%s\n' "$app_secret" >"$work/.env"
export FB_APP_SECRET=$app_secret DOTENV_FILE=$work/.env
start_service -Ddw.events.webhookUrl="http://localhost:$receiver_port/events" -Ddw.events.webhookSecret="$events_secret"
wait_healthy

status=0
for tenants in ${TENANT_COUNTS:-1 100}; do
  java -cp "$jar" bench/EventDelivery.java "$api" "$secret" "$app_secret" "$receiver_port" "$events_secret" \
    "$tenants" "$rate" "$seconds" "$warm_up" || status=1
done
exit $status
