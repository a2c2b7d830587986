#!/usr/bin/env bash
# HTTP load test of the service as ./run.sh runs it: GET /api/v1/tenant/config (served from the
# in-memory cache) against GET /api/v1/auth/verify (no configuration at all), with the same token,
# at 32 and at 1,000 connections (wrk, 2 threads). After a minute of warm-up it runs ROUNDS rounds
# (default 3) of the four runs, 10 s each, interleaved and in a different order each round so
# that neither a slow moment of the shared machine nor the run before falls on one case only. It
# prints each run (requests/s, p99, errors, the server's CPU time per request from /proc), the
# median of each case over the rounds, and the two shares the targets in README name.
# Needs wrk (Debian: apt-get install wrk). Traffic goes to localhost only.
#
#   bench/http-load.sh            # ROUNDS=5 bench/http-load.sh for more rounds
#   ROUNDS=1 WARM_UP_SECONDS=2 RUN_SECONDS=2 bench/http-load.sh    # a brief run (.ci/run)
set -euo pipefail
cd "$(dirname "$0")/.."

command -v wrk >/dev/null || { echo "wrk is not installed (Debian/Ubuntu: apt-get install wrk)" >&2; exit 1; }
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
[[ $(ulimit -n) == unlimited || $(ulimit -n) -ge 2100 ]] || echo "note: open-files limit $(ulimit -n) is low for 1,000 connections" >&2

api=http://localhost:${PORT:-8002}
admin=http://localhost:${ADMIN_PORT:-8003}
if curl -fs "$admin/healthcheck" >/dev/null 2>&1; then
  echo "a service already answers on $admin: stop it first (this script starts its own)" >&2
  exit 1
fi
log=$(mktemp)
./run.sh >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true; rm -f "$log"' EXIT

for _ in $(seq 1 120); do
  curl -fs "$admin/healthcheck" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "$admin/healthcheck" >/dev/null || { echo "the service did not start; its output:" >&2; cat "$log" >&2; exit 1; }
token=$(sed -n 's/^ *export JWT_TOKEN=\([^ ]*\).*/\1/p' "$log")

# The tenant needs a configuration for GET /config to answer 200 (201 the first time, 409 after).
curl -s -o /dev/null -X POST "$api/api/v1/tenant/config" -H "Authorization: Bearer $token" \
  -H "Content-Type: application/json" \
  -d '{"waba_id":"102290129340398","phone_number_id":"106540352242922","access_token":"EAAG-load-test-token"}'

cpu_ticks() { # user + system time of the server process, in clock ticks
  awk '{print $14 + $15}' "/proc/$server/stat"
}
hz=$(getconf CLK_TCK)
results=$(mktemp)
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true; rm -f "$log" "$results"' EXIT

run() { # name connections seconds path
  local out before after
  before=$(cpu_ticks)
  out=$(wrk -t2 -c"$2" -d"$3"s --latency -H "Authorization: Bearer $token" "$api$4")
  after=$(cpu_ticks)
  local rps p99 non2xx errors requests cpu
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  errors=$(awk '/Socket errors/ {print $0}' <<<"$out")
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  cpu=$(awk -v t=$((after - before)) -v hz="$hz" -v n="$requests" 'BEGIN {printf "%.1f", t / hz * 1e6 / n}')
  printf '%-34s %6s conns  %10s req/s  p99 %9s  server CPU %6s us/req  non-2xx %s  %s\n' \
    "$1" "$2" "$rps" "$p99" "$cpu" "${non2xx:-0}" "${errors:-socket errors: none}"
  printf '%s|%s|%s|%s\n' "$1" "$2" "$rps" "$cpu" >>"$results"
}

# Until the JIT has compiled the hot paths the figures say more about the compiler than the
# service: on a busy 2-core machine that takes well over 10 seconds, so warm up for longer.
echo "warming up (JIT, caches) ..."
for conns in 32 1000; do
  wrk -t2 -c$conns -d"${WARM_UP_SECONDS:-15}"s -H "Authorization: Bearer $token" "$api/api/v1/tenant/config" >/dev/null
  wrk -t2 -c$conns -d"${WARM_UP_SECONDS:-15}"s -H "Authorization: Bearer $token" "$api/api/v1/auth/verify" >/dev/null
done

# Each round starts at a different case: the run after a 1,000-connection run shares its first
# seconds with the closing of those connections, and no case should always be that one. A pause
# between runs lets them close.
cases=("GET /api/v1/tenant/config|32|/api/v1/tenant/config" "GET /api/v1/auth/verify|32|/api/v1/auth/verify"
  "GET /api/v1/tenant/config|1000|/api/v1/tenant/config" "GET /api/v1/auth/verify|1000|/api/v1/auth/verify")
for round in $(seq 1 "${ROUNDS:-3}"); do
  echo "round $round"
  for i in 0 1 2 3; do
    IFS='|' read -r name conns path <<<"${cases[$(((round - 1 + i) % 4))]}"
    sleep 3
    run "$name" "$conns" "${RUN_SECONDS:-10}" "$path"
  done
done

echo "median of the rounds"
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
cut -d'|' -f1,2 "$results" | awk '!seen[$0]++' | while IFS='|' read -r name conns; do
  rps=$(awk -F'|' -v n="$name" -v c="$conns" '$1 == n && $2 == c {print $3}' "$results" | median)
  cpu=$(awk -F'|' -v n="$name" -v c="$conns" '$1 == n && $2 == c {print $4}' "$results" | median)
  printf '%-34s %6s conns  %10s req/s  server CPU %6s us/req\n' "$name" "$conns" "$rps" "$cpu"
done
med() { awk -F'|' -v n="$1" -v c="$2" '$1 == n && $2 == c {print $3}' "$results" | median; }
share() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f%%", a / b * 100}'; }
echo "GET /config as a share of /auth/verify at 32 connections: $(share "$(med "GET /api/v1/tenant/config" 32)" "$(med "GET /api/v1/auth/verify" 32)")"
echo "1,000 connections as a share of 32: /config $(share "$(med "GET /api/v1/tenant/config" 1000)" "$(med "GET /api/v1/tenant/config" 32)"), /auth/verify $(share "$(med "GET /api/v1/auth/verify" 1000)" "$(med "GET /api/v1/auth/verify" 32)")"
