#!/usr/bin/env bash
# The sending code's template lookup from memory (JMH) at 10,000 accounts x 50 templates: the
# number's account, then the template, as GET /api/v1/lookup/templates answers below HTTP.
# Embedded PostgreSQL; nothing to install. The report's p0.99 is the figure in docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -Ptemplate-benchmark -pl adapters-persistence -am verify -DskipTests "$@"
