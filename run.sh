#!/usr/bin/env bash
# Builds the service when the jar is missing or older than the sources, then runs it with
# dev.yml: an embedded PostgreSQL (data under ./data/postgres), API on :8002, admin on :8003.
# The JVM flags are production's (jvm.options); the embedded PostgreSQL's binaries, which the
# production jar leaves out, come from bootstrap/target/dev-lib.
set -euo pipefail
cd "$(dirname "$0")"

jar=bootstrap/target/tenant-config.jar
dev_lib=bootstrap/target/dev-lib
if [[ ! -f "$jar" ]] || [[ ! -d "$dev_lib" ]] \
  || [[ -n "$(find pom.xml ./*/pom.xml ./*/src dev.yml -newer "$jar" -print -quit)" ]]; then
  echo "Building $jar ..."
  mvn -B -q -DskipTests package
fi

# Tokens signed with dev.yml's development-only secret, so the README's curl examples can be pasted.
tenant_token=$(java -jar "$jar" token --tenant acme --subject local-developer dev.yml)
admin_token=$(java -jar "$jar" token --roles admin --subject local-admin dev.yml)
cat <<EOF

Tokens for trying the API locally (valid for 12 hours):

  export JWT_TOKEN=$tenant_token    # a user of tenant "acme"

  export ADMIN_TOKEN=$admin_token    # a platform admin (no tenant)

Admin dashboard: http://localhost:${PORT:-8002}/admin/   (sign in with the ADMIN_TOKEN above)

API: http://localhost:${PORT:-8002}/api/v1    readiness: http://localhost:${ADMIN_PORT:-8003}/healthcheck

EOF

# shellcheck disable=SC2046 # one flag per word, as the production command reads jvm.options
exec java $(cat jvm.options) ${JAVA_OPTS:-} -cp "$jar:$dev_lib/*" io.tenantconfig.bootstrap.TenantConfigApplication server dev.yml
