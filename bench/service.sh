# Sourced by the benchmarks that run the jar on a database of their own (admin-lists.sh,
# memory.sh, cold-start.sh): builds the jar if needed, and starts the service as production runs
# it (the flags of jvm.options, plus JAVA_OPTS) with dev.yml, its embedded PostgreSQL and keyset in
# a work folder made afresh, and this service's log at INFO as config.yml ships it (dev.yml logs it
# at DEBUG for development); nothing else changed. A script that needs another setting passes it
# to start_service, which prints it beside the results. Sets jar, api, admin, secret (dev.yml's
# HMAC secret), server (the pid; stopped when the script exits) and pg_port.
#
#   work=target/bench-x; source bench/service.sh; start_service [-Ddw.extra=setting ...]
#   wait_healthy [seconds]       # waits until /healthcheck says healthy; fails with its log if not

jar=bootstrap/target/tenant-config.jar
[[ -f $jar && -d bootstrap/target/dev-lib ]] || mvn -B -q -DskipTests package
rm -rf "$work" && mkdir -p "$work"
api=http://localhost:${PORT:-8002}
admin=http://localhost:${ADMIN_PORT:-8003}
secret=$(sed -n 's/^ *hmacSecret: *//p' dev.yml)

start_service() {
  if curl -fs "$admin/healthcheck" >/dev/null 2>&1; then
    echo "a service already answers on $admin: stop it first (this script starts its own)" >&2
    exit 1
  fi
  # Secrets among the settings (the events receiver's key) are named, not printed.
  echo "settings: dev.yml with config.yml's logging${*:+; changed for this benchmark: $(sed -E 's/([A-Za-z.]*([Ss]ecret|[Pp]assword|[Tt]oken)[A-Za-z.]*=)[^ ]*/\1***/g' <<<"$*")}"
  # shellcheck disable=SC2046,SC2086 # one flag per word, as the production command reads jvm.options
  java $(cat jvm.options) ${JAVA_OPTS:-} -cp "$jar:bootstrap/target/dev-lib/*" \
    -Ddw.database.embedded.dataDirectory="$work/postgres" \
    -Ddw.encryption.keysetFile="$work/encryption-keyset.json" \
    -Ddw.logging.loggers.io\\.tenantconfig=INFO "$@" io.tenantconfig.bootstrap.TenantConfigApplication server dev.yml >"$work/server.log" 2>&1 &
  server=$!
  trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
}

wait_healthy() {
  local deadline=$((SECONDS + ${1:-120}))
  until curl -fs "$admin/healthcheck" >/dev/null 2>&1; do
    if ! kill -0 "$server" 2>/dev/null || ((SECONDS > deadline)); then
      echo "the service did not become healthy; its log:" >&2
      cat "$work/server.log" >&2
      exit 1
    fi
    sleep 0.1
  done
  pg_port=$(sed -n 4p "$work/postgres/postmaster.pid")
}
