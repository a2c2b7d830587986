#!/usr/bin/env bash
# Builds the service when the jar is missing or older than the sources, then runs it with
# dev.yml: an embedded PostgreSQL (data under ./data/postgres), API on :8002, admin on :8003.
set -euo pipefail
cd "$(dirname "$0")"

jar=bootstrap/target/tenant-config.jar
if [[ ! -f "$jar" ]] || [[ -n "$(find pom.xml ./*/pom.xml ./*/src -newer "$jar" -print -quit)" ]]; then
  echo "Building $jar ..."
  mvn -B -q -DskipTests package
fi

exec java -jar "$jar" server dev.yml
