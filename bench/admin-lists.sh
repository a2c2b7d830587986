#!/usr/bin/env bash
# Latency of the admin list (GET /api/v1/tenant/admin/configs/all: first page, deep pages,
# filters) and of the statistics with 100,000 tenants, one request at a time. Starts the jar
# with jvm.options and dev.yml on an embedded PostgreSQL of its own (target/bench-admin-lists,
# made afresh; the admin rate limit out of the way: one client sending 200 requests a case is
# what it exists to stop, and it is not what is measured), stores 100,000 tenants
# straight into the database (bench/SeedTenants.java, then VACUUM ANALYZE), and runs
# bench/AdminListLatency.java: p50, p95 and the largest of 200 requests per case.
#
#   bench/admin-lists.sh [tenants]      # default 100000; .ci/run runs it with 1000
set -euo pipefail
cd "$(dirname "$0")/.."

tenants=${1:-100000}
work=target/bench-admin-lists
# shellcheck source=bench/service.sh
source bench/service.sh
start_service -Ddw.rateLimits.adminBurst=100000000 -Ddw.rateLimits.adminPerMinute=100000000
wait_healthy

java -cp "$jar" bench/SeedTenants.java "jdbc:postgresql://localhost:$pg_port/postgres" postgres \
  "$work/encryption-keyset.json" "$tenants"
java -cp "$jar" bench/AdminListLatency.java "$api" "$secret"
