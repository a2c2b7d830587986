#!/usr/bin/env bash
# Slow clients against the request threads (issue "Hostile input"): 200 connections trickle a
# webhook body and 200 a configuration body, one byte every 2 s, reopened as soon as the service
# closes them, while a bystander calls GET /api/v1/auth/verify every 100 ms (bench/SlowClients.java).
# Passes when every bystander request is answered within 1 s and the service closes trickling
# connections. The service runs as shipped (jvm.options, the requestBodies and server sections as
# config.yml has them, INFO logging, the health sweep on), on dev.yml's embedded PostgreSQL in
# target/bench-slow-clients (made afresh).
#
#   bench/slow-clients.sh [seconds] [connections per path]     # default 30 200
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-30}
per_path=${2:-200}
work=target/bench-slow-clients
# shellcheck source=bench/service.sh
source bench/service.sh
start_service
wait_healthy

java -cp "$jar" bench/SlowClients.java "$api" "$secret" "$seconds" "$per_path"
