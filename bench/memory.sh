#!/usr/bin/env bash
# Memory of one instance run with jvm.options (-Xmx256m) holding 100,000 tenants in its
# ConfigLoader and serving 1,000 connections. Starts the service with dev.yml and an embedded
# PostgreSQL of its own (under target/bench-memory, started afresh), stores 100,000 complete
# configurations straight into the database (bench/SeedTenants.java: through the service's own
# store, secrets encrypted), measures the heap after a full GC, asks the loader for every tenant
# once (bench/ResolveAll.java, 32 at a time), measures again, then, after 30 s of warm-up at 32
# connections, runs 1,000 connections of GET /api/v1/tenant/config for 30 s (wrk) and reports
# their throughput and p99 and the largest RSS seen.
#
#   bench/memory.sh [tenants]      # default 100000; needs wrk (apt-get install wrk)
#   LOAD_SECONDS=2 bench/memory.sh 1000    # a brief run (.ci/run); the loads last 30 s by default
set -euo pipefail
cd "$(dirname "$0")/.."

tenants=${1:-100000}
command -v wrk >/dev/null || { echo "wrk is not installed (Debian/Ubuntu: apt-get install wrk)" >&2; exit 1; }
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
work=target/bench-memory
# shellcheck source=bench/service.sh
source bench/service.sh
start_service
wait_healthy

heap_after_gc() { # used heap in KiB after a full collection
  jcmd "$server" GC.run >/dev/null
  jcmd "$server" GC.heap_info | awk '/total/ && /used/ {for (i = 1; i <= NF; i++) if ($i == "used") {print $(i + 1)+0; exit}}'
}
rss() { ps -o rss= -p "$server" | tr -d ' '; }
gauge() { curl -s "$admin/metrics" | python3 -c "import json,sys; print(json.load(sys.stdin)['gauges']['$1']['value'])"; }

java -cp "$jar" bench/SeedTenants.java "jdbc:postgresql://localhost:$pg_port/postgres" postgres \
  "$work/encryption-keyset.json" "$tenants"
sleep 5 # the instance hears of every insert and updates its number index
before=$(heap_after_gc)
echo "heap after GC, no tenant in the loader's memory: $((before / 1024)) MiB (RSS $(($(rss) / 1024)) MiB)"

java -cp "$jar" bench/ResolveAll.java "$api" "$secret" "$tenants"
after=$(heap_after_gc)
echo "loader's memory: $(gauge tenant-config.loader.size) tenants"
echo "heap after GC, every tenant in the loader's memory: $((after / 1024)) MiB (RSS $(($(rss) / 1024)) MiB)"
echo "per tenant in the loader's memory: $(((after - before) * 1024 / tenants)) bytes"
jcmd "$server" GC.class_histogram | head -25 >"$work/histogram.txt"

token=$(java -jar "$jar" token --tenant bench-000001 --subject bench dev.yml)
# As a load balancer's traffic would, after the warm-up (config.yml's warmUp, off in dev.yml): let
# the JIT compile the GET /config path first, so the load below measures a warm instance.
seconds=${LOAD_SECONDS:-30}
wrk -t2 -c32 -d"$seconds"s -H "Authorization: Bearer $token" "$api/api/v1/tenant/config" >/dev/null
peak=0
wrk -t2 -c1000 -d"$seconds"s --latency -H "Authorization: Bearer $token" "$api/api/v1/tenant/config" >"$work/wrk.txt" &
load=$!
while kill -0 "$load" 2>/dev/null; do
  now=$(rss); (( now > peak )) && peak=$now
  sleep 1
done
echo "1,000 connections, $seconds s: $(awk '/^Requests\/sec/ {print $2}' "$work/wrk.txt") requests/s, p99 $(awk '$1 == "99%" {print $2}' "$work/wrk.txt"), errors: $(grep -E 'Non-2xx|Socket errors' "$work/wrk.txt" | tr -s ' ' || echo none)"
echo "largest RSS during the load: $((peak / 1024)) MiB; heap after GC afterwards: $(($(heap_after_gc) / 1024)) MiB"
