#!/bin/sh
# Starts Tessera on Payara Micro inside the container image (server-config/container/Containerfile,
# docs/operations.md#containers). Configuration comes only from the environment:
#   TESSERA_DB            h2 (default, one replica only: the database is a file in TESSERA_DATA_DIR),
#                         postgresql or mariadb (then TESSERA_DB_URL, TESSERA_DB_USER, TESSERA_DB_PASSWORD)
#   TESSERA_PORT          HTTP port (default 8080)
#   TESSERA_CLUSTER_MODE  none (default) or Payara Micro's --clustermode value, e.g.
#                         kubernetes:NAMESPACE,SERVICE (the manifests set it from the pod's namespace)
#   TESSERA_TLS_KEYSTORE  a PKCS#12 key store: Payara's own HTTPS listener serves its key (docs/operations.md#tls),
#                         with TESSERA_TLS_KEYSTORE_PASSWORD, TESSERA_TLS_ALIAS (default tessera) and
#                         TESSERA_TLS_PORT (default 8443); the password goes to the JVM in an argument file only
#                         this user can read, never on the command line or in the log
#   JAVA_OPTS             JVM options (default: a heap of 70 % of the container's memory, and memory the C allocator
#                         keeps returned every 10 s: -XX:TrimNativeHeapInterval needs Java 17.0.9 or later)
#   every other TESSERA_* setting is read by Tessera itself (docs/configuration.md).
set -eu
home=${TESSERA_HOME:-/opt/tessera}
port=${TESSERA_PORT:-8080}
db=${TESSERA_DB:-h2}
case "$db" in
    h2|postgresql|mariadb) ;;
    *) echo "TESSERA_DB must be h2, postgresql or mariadb (got '$db')" >&2; exit 2 ;;
esac
if [ "$db" != h2 ]; then
    : "${TESSERA_DB_URL:?set TESSERA_DB_URL}" "${TESSERA_DB_USER:?set TESSERA_DB_USER}"
    export TESSERA_DB_PASSWORD="${TESSERA_DB_PASSWORD-}"
fi
mode=${TESSERA_CLUSTER_MODE:-none}
if [ "$mode" = none ]; then
    cluster="--nocluster"
else
    cluster="--clustermode $mode"
fi
jvm_tls=""
micro_tls=""
if [ -n "${TESSERA_TLS_KEYSTORE:-}" ]; then
    : "${TESSERA_TLS_KEYSTORE_PASSWORD:?set TESSERA_TLS_KEYSTORE_PASSWORD for TESSERA_TLS_KEYSTORE}"
    args=$(umask 077 && mktemp "${TMPDIR:-/tmp}/tessera-tls.XXXXXX")
    printf '%s\n' "-Djavax.net.ssl.keyStore=$TESSERA_TLS_KEYSTORE" "-Djavax.net.ssl.keyStoreType=PKCS12" \
        "-Djavax.net.ssl.keyStorePassword=$TESSERA_TLS_KEYSTORE_PASSWORD" > "$args"
    unset TESSERA_TLS_KEYSTORE_PASSWORD
    jvm_tls="@$args"
    micro_tls="--sslport ${TESSERA_TLS_PORT:-8443} --sslcert ${TESSERA_TLS_ALIAS:-tessera}"
fi
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:--XX:MaxRAMPercentage=70 -XX:TrimNativeHeapInterval=10000} $jvm_tls -Dtessera.port="$port" \
    -Dtessera.data.dir="${TESSERA_DATA_DIR:-$home/data}" -jar "$home/payara-micro.jar" \
    --port "$port" $cluster $micro_tls \
    --prebootcommandfile "$home/config/preboot.asadmin" \
    --logproperties "$home/config/logging.properties" \
    --postbootcommandfile "$home/config/$db.asadmin" \
    --addlibs "$home/lib" \
    --deploy "$home/tessera.war" \
    --contextroot /
