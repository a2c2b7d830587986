#!/usr/bin/env bash
# Latency of the admin list (GET /api/v1/tenant/admin/configs/all: first page, deep pages,
# filters) and of the statistics with 100,000 tenants, one request at a time. Starts the jar
# with jvm.options and dev.yml on an embedded PostgreSQL of its own (target/bench-admin-lists,
# made afresh; health sweep off, admin rate limit out of the way), stores 100,000 tenants
# straight into the database (bench/SeedTenants.java, then VACUUM ANALYZE), and runs
# bench/AdminListLatency.java: p50, p95 and the largest of 200 requests per case.
#
#   bench/admin-lists.sh [tenants]      # default 100000
set -euo pipefail
cd "$(dirname "$0")/.."

tenants=${1:-100000}
jar=bootstrap/target/tenant-config.jar
[[ -f $jar && -d bootstrap/target/dev-lib ]] || mvn -B -q -DskipTests package
work=target/bench-admin-lists
rm -rf "$work" && mkdir -p "$work"
api=http://localhost:${PORT:-8002}
admin=http://localhost:${ADMIN_PORT:-8003}
secret=$(sed -n 's/^ *hmacSecret: *//p' dev.yml)

# shellcheck disable=SC2046 # one flag per word, as the production command reads jvm.options
java $(cat jvm.options) -cp "$jar:bootstrap/target/dev-lib/*" \
  -Ddw.database.embedded.dataDirectory="$work/postgres" \
  -Ddw.encryption.keysetFile="$work/encryption-keyset.json" \
  -Ddw.logging.level=WARN -Ddw.logging.loggers.io\\.tenantconfig=WARN -Ddw.health.sweepEnabled=false \
  -Ddw.rateLimits.adminBurst=100000000 -Ddw.rateLimits.adminPerMinute=100000000 \
  io.tenantconfig.bootstrap.TenantConfigApplication server dev.yml >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "$admin/healthcheck" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "$admin/healthcheck" >/dev/null || { echo "the service did not start:" >&2; cat "$work/server.log" >&2; exit 1; }

pg_port=$(sed -n 4p "$work/postgres/postmaster.pid")
java -cp "$jar" bench/SeedTenants.java "jdbc:postgresql://localhost:$pg_port/postgres" postgres \
  "$work/encryption-keyset.json" "$tenants"
java -cp "$jar" bench/AdminListLatency.java "$api" "$secret"
