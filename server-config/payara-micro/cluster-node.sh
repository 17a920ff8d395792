#!/bin/sh
# Runs one Tessera node of a cluster whose members find each other on the loopback interface
# (docs/cluster.md). Start it once per node, each with its own HTTP port; every node uses the same
# database, issuer and cluster name:
#
#   TESSERA_DB=postgresql TESSERA_DB_URL=jdbc:postgresql://127.0.0.1:5432/tessera \
#   TESSERA_DB_USER=tessera TESSERA_DB_PASSWORD=secret TESSERA_ISSUER=https://sso.example.com \
#   server-config/payara-micro/cluster-node.sh 8081
#
# and again with 8082. Run it from the project root after `mvn -DskipTests package` (the WAR, the JDBC
# drivers in target/jdbc) and with the Payara Micro jar at $PAYARA_MICRO_JAR (default
# target/payara-micro.jar; `mvn verify` puts it there, or copy fish.payara.extras:payara-micro:6.2025.10).
#
# Settings (environment):
#   TESSERA_DB, TESSERA_DB_URL, TESSERA_DB_USER, TESSERA_DB_PASSWORD
#                          postgresql or mariadb, as in docs/databases.md; H2 is embedded in one
#                          process and cannot be shared, so it is refused here
#   TESSERA_ISSUER         the public URL, the same on every node (behind the load balancer)
#   TESSERA_CLUSTER_NAME   data grid group name (default tessera); nodes only join their own group
#   TESSERA_CLUSTER_PORT   first data grid port (default 5900); a node takes the first free one of
#   TESSERA_CLUSTER_SIZE   ports in [PORT, PORT+SIZE) (default 4) and looks for its peers on all of them
#   PAYARA_MICRO_JAR       the Payara Micro 6.2025.10 jar
#   TESSERA_WAR            the WAR to run (default target/tessera.war; a rolling upgrade runs two releases side by side)
#   JAVA_HOME              the Java 17+ to run (default: java on the PATH)
#   JAVA_OPTS              extra JVM options, e.g. -Xmx512m
#
# Host-aware partitioning is off: every member has the address 127.0.0.1, and with it on Hazelcast
# would keep no backup of the replicated web sessions at all.
set -eu
if [ $# -ne 1 ]; then
    echo "usage: $0 HTTP_PORT" >&2
    exit 2
fi
port=$1
db=${TESSERA_DB:-postgresql}
case "$db" in
    postgresql|mariadb) ;;
    *) echo "TESSERA_DB must be postgresql or mariadb for several nodes (got '$db')" >&2; exit 2 ;;
esac
: "${TESSERA_DB_URL:?set TESSERA_DB_URL}" "${TESSERA_DB_USER:?set TESSERA_DB_USER}"
: "${TESSERA_ISSUER:?set TESSERA_ISSUER (the same public URL on every node)}"
export TESSERA_DB_PASSWORD="${TESSERA_DB_PASSWORD-}"
here=$(cd "$(dirname "$0")" && pwd)
cluster_port=${TESSERA_CLUSTER_PORT:-5900}
members=""
i=0
while [ "$i" -lt "${TESSERA_CLUSTER_SIZE:-4}" ]; do
    members="${members:+$members,}127.0.0.1:$((cluster_port + i))"
    i=$((i + 1))
done
jar=${PAYARA_MICRO_JAR:-target/payara-micro.jar}
# The JDBC drivers, and the native crypto provider where the build copied it (Linux; docs/performance.md).
libs=target/jdbc
if [ -d target/native-crypto ]; then
    libs="$libs:target/native-crypto"
fi

# exec: the node is this process, so its id is the JVM's (a supervisor or a test can signal it).
# shellcheck disable=SC2086
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" ${JAVA_OPTS:-} -Dtessera.port="$port" -jar "$jar" \
    --port "$port" \
    --clustermode "tcpip:$members" \
    --interfaces 127.0.0.1 \
    --startport "$cluster_port" \
    --clustername "${TESSERA_CLUSTER_NAME:-tessera}" \
    --nohostaware \
    --prebootcommandfile "$here/preboot.asadmin" \
    --postbootcommandfile "$here/$db.asadmin" \
    --addlibs "$libs" \
    --deploy "${TESSERA_WAR:-target/tessera.war}" \
    --contextroot /
