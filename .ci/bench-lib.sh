# Shared by .ci/bench-suite and .ci/bench-volume (sourced, not run): Tessera nodes on loopback for the
# benchmarks, each on a fresh PostgreSQL database tessera_bench_*, stopped and dropped on exit. Only the
# processes started here are ever stopped.
export TESSERA_BOOTSTRAP_ADMIN_SECRET=bench-suite-admin-secret
export TESSERA_DB=postgresql TESSERA_DB_USER=postgres TESSERA_DB_PASSWORD=
export TESSERA_ISSUER=http://localhost:8181 TESSERA_CLUSTER_NAME=tessera-bench-$$ TESSERA_CLUSTER_PORT=5950 TESSERA_CLUSTER_SIZE=2
# The production flags for 2 cores of docs/performance.md ("Start-up and footprint"); override with
# BENCH_JAVA_OPTS (the figures of 2026-11-24 were taken with -Xms1g -Xmx1g -XX:+UseG1GC).
export JAVA_OPTS="${BENCH_JAVA_OPTS:--Xms64m -Xmx512m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=10000}"
export PAYARA_MICRO_JAR="${PAYARA_MICRO_JAR:-$HOME/.m2/repository/fish/payara/extras/payara-micro/6.2025.10/payara-micro-6.2025.10.jar}"
# A fresh machine has it only after the tests or the README's run command.
[ -f "$PAYARA_MICRO_JAR" ] || mvn -B -q -ntp dependency:get -Dartifact=fish.payara.extras:payara-micro:6.2025.10
pids=() db="" count=0

psql_admin() { psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q "$@"; }

stop_nodes() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do timeout 30 tail --pid="$pid" -f /dev/null || kill -9 "$pid" 2>/dev/null || true; done
  pids=()
  if [ -n "$db" ]; then psql_admin -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true; db=""; fi
}
trap stop_nodes EXIT

# fresh_database: creates tessera_bench_<pid>_<n> and points the nodes at it.
fresh_database() {
  count=$((count + 1))
  db=tessera_bench_$$_$count
  psql_admin -c "CREATE DATABASE $db"
  export TESSERA_DB_URL=jdbc:postgresql://127.0.0.1:5432/$db
}

# start_nodes PORT...: starts one node per port with cluster-node.sh and waits until each is ready.
start_nodes() {
  urls=""
  for port in "$@"; do
    server-config/payara-micro/cluster-node.sh "$port" > "target/bench/node-$port.log" 2>&1 &
    pids+=($!)
    urls="${urls:+$urls,}http://127.0.0.1:$port"
  done
  for port in "$@"; do
    for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 1; done
    curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null || { echo "node $port did not get ready" >&2; return 1; }
  done
}

# suite ARGS...: SuiteBench against $urls (bounded by timeout; the benchmark also stops by itself).
suite() {
  timeout --kill-after=30 1200 mvn -B -ntp -Pbench process-test-classes -Dbench.main=dev.tessera.bench.SuiteBench \
    -Dbench.url="${urls%%,*}" -Dbench.urls="$urls" "$@"
}
