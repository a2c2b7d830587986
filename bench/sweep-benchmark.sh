#!/usr/bin/env bash
# A health sweep over 10,000 tenants against a local fake Graph API: the Graph call rate against
# its limit, and the heap after GC as tenants are checked. Embedded PostgreSQL; nothing to install.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -Pbenchmark -pl bootstrap -am verify -DskipTests "$@"
