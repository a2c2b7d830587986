#!/usr/bin/env bash
# The retention job on 1,000,000 rows (issue "Events keep up", item 6): delivered events and
# webhook changes older than their 7 days, deleted in batches of 1,000 by the service's own code
# (bench/RetentionRounds.java) while a writer keeps inserting, on dev.yml's embedded PostgreSQL in
# target/bench-retention (made afresh): how long it takes, the longest batch, the longest insert.
#
#   bench/retention.sh [rows]     # default 1000000
set -euo pipefail
cd "$(dirname "$0")/.."

rows=${1:-1000000}
work=target/bench-retention
# shellcheck source=bench/service.sh
source bench/service.sh
start_service
wait_healthy
java -cp "$jar" bench/RetentionRounds.java "jdbc:postgresql://localhost:$pg_port/postgres" postgres "$rows"
