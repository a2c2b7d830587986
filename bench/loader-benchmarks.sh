#!/usr/bin/env bash
# The in-memory answers of the ConfigLoader (JMH: resolve, owner of a number or account) and how
# soon a change on one instance is seen on another. Embedded PostgreSQL; nothing to install.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -Pbenchmark -pl adapters-persistence -am verify -DskipTests "$@"
