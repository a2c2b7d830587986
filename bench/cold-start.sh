#!/usr/bin/env bash
# How fast a freshly started instance reaches its steady state under load, and the CPU cost of
# one request once it has. Starts the jar with jvm.options and dev.yml (an embedded PostgreSQL of
# its own under target/bench-cold-start, made afresh), waits until /healthcheck on the admin port
# says healthy (the moment a load balancer would send it traffic), then at once runs wrk on
# GET /api/v1/auth/verify, 32 connections, twelve consecutive 5-second runs. Steady state is the
# median of the last three runs. Prints each run's requests/s, the first 10 seconds as a share of
# the steady state, and when the instance first reached 90% of it. Then measures, over 20 seconds
# at steady state, the process's CPU time (from /proc, user + system) per request, and records a
# JFR profile of another 20 seconds to target/bench-cold-start/steady.jfr; where the time goes:
#   jfr print --stack-depth 64 --events jdk.ExecutionSample target/bench-cold-start/steady.jfr
#
#   bench/cold-start.sh      # needs wrk (apt-get install wrk)
#   WARM_UP=20s bench/cold-start.sh          # with config.yml's warm-up, which dev.yml leaves off
#   RUN_SECONDS=1 STEADY_SECONDS=2 bench/cold-start.sh    # a brief run (.ci/run)
set -euo pipefail
cd "$(dirname "$0")/.."

command -v wrk >/dev/null || { echo "wrk is not installed (Debian/Ubuntu: apt-get install wrk)" >&2; exit 1; }
work=target/bench-cold-start
# shellcheck source=bench/service.sh
source bench/service.sh
token=$(java -jar "$jar" token --tenant acme --subject bench dev.yml)
if [[ -n ${WARM_UP:-} ]]; then start_service -Ddw.warmUp.duration="$WARM_UP"; else start_service; fi
started=$(date +%s.%N)
wait_healthy
printf 'healthy %.1f s after start\n' "$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN {print b - a}')"

rates=()
for run in $(seq 1 12); do
  rate=$(wrk -t2 -c32 -d"${RUN_SECONDS:-5}"s -H "Authorization: Bearer $token" "$api/api/v1/auth/verify" | awk '/^Requests\/sec/ {print $2}')
  rates+=("$rate")
  printf 'run %2d (%2d-%2d s after healthy): %10.0f requests/s\n' "$run" $(((run - 1) * ${RUN_SECONDS:-5})) $((run * ${RUN_SECONDS:-5})) "$rate"
done
steady=$(printf '%s\n' "${rates[@]:9:3}" | sort -n | sed -n 2p)
first10=$(awk -v a="${rates[0]}" -v b="${rates[1]}" 'BEGIN {print (a + b) / 2}') # with 5-second runs
printf 'steady state (median of the last three runs): %.0f requests/s\n' "$steady"
printf 'first 10 seconds: %.0f requests/s, %.0f%% of the steady state\n' "$first10" \
  "$(awk -v a="$first10" -v s="$steady" 'BEGIN {print 100 * a / s}')"
for run in $(seq 0 11); do
  if awk -v r="${rates[$run]}" -v s="$steady" 'BEGIN {exit !(r >= 0.9 * s)}'; then
    echo "90% of the steady state reached in the run ending $(((run + 1) * ${RUN_SECONDS:-5})) s after healthy"
    break
  fi
done

ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }
before=$(cpu)
steady_seconds=${STEADY_SECONDS:-20}
requests=$(wrk -t2 -c32 -d"$steady_seconds"s -H "Authorization: Bearer $token" "$api/api/v1/auth/verify" \
  | awk '/requests in/ {print $1}')
after=$(cpu)
printf 'at steady state: %d requests in %d s, %.1f µs of CPU per request (%s)\n' "$requests" "$steady_seconds" \
  "$(awk -v a="$after" -v b="$before" -v t="$ticks" -v n="$requests" 'BEGIN {print (a - b) * 1000000 / t / n}')" \
  "user + system of the server process, /proc/<pid>/stat"

# A profile of the same load, in a run of its own (starting a recording costs a few seconds).
jcmd "$server" JFR.start name=steady settings=profile >/dev/null
sleep 5
wrk -t2 -c32 -d"$steady_seconds"s -H "Authorization: Bearer $token" "$api/api/v1/auth/verify" >/dev/null
jcmd "$server" JFR.dump name=steady filename="$PWD/$work/steady.jfr" >/dev/null
echo "profile of $steady_seconds s at steady state: $work/steady.jfr"
