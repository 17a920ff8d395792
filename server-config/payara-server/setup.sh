#!/bin/sh
# Sets up a freshly unzipped Payara Server 6 (fish.payara.distributions:payara) to run Tessera, and deploys the WAR:
#
#   server-config/payara-server/setup.sh SERVER_HOME WAR
#   SERVER_HOME/bin/asadmin start-domain     # then Tessera answers at http://localhost:$TESSERA_PORT/
#
# It starts domain1 once, applies tessera.asadmin (listener settings) and the JDBC pool of TESSERA_DB (the very
# files Payara Micro uses, server-config/payara-micro/<db>.asadmin) with asadmin multimode, deploys the WAR at the
# root context, and stops the domain again. Run it once per domain; docs/payara-server.md explains each step.
#
# Read now, written into domain1's configuration (change them later with asadmin set / create-system-properties):
#   TESSERA_PORT           HTTP port of http-listener-1 (default 8080); also tessera.port, for the default issuer
#   TESSERA_DB             h2 (default), postgresql or mariadb
#   TESSERA_DATA_DIR       where H2 keeps its files (default SERVER_HOME/glassfish/domains/domain1/tessera-data)
#   TESSERA_JDBC_DRIVER    the JDBC driver jar for postgresql or mariadb (default: the one `mvn package` copied to
#                          the jdbc/ directory next to the WAR); copied into domain1's lib/
# Read by the server at every start (${ENV=...} in the pool, MicroProfile Config), never written down here:
#   TESSERA_DB_URL, TESSERA_DB_USER, TESSERA_DB_PASSWORD    postgresql and mariadb (docs/databases.md)
#   TESSERA_*              every other setting (docs/configuration.md)
set -eu
if [ $# -ne 2 ]; then
    echo "usage: $0 SERVER_HOME WAR" >&2
    exit 2
fi
home=$(cd "$1" && pwd)
war=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
here=$(cd "$(dirname "$0")" && pwd)
db=${TESSERA_DB:-h2}
port=${TESSERA_PORT:-8080}
domain=$home/glassfish/domains/domain1
asadmin=$home/bin/asadmin
[ -x "$asadmin" ] && [ -d "$domain" ] || { echo "$home is not a Payara Server with domain1" >&2; exit 2; }
[ -f "$war" ] || { echo "no WAR at $war" >&2; exit 2; }
case "$db" in
    h2) ;;
    postgresql|mariadb)
        name=$([ "$db" = postgresql ] && echo postgresql || echo mariadb-java-client)
        jar=${TESSERA_JDBC_DRIVER:-$(ls "$(dirname "$war")"/jdbc/"$name"-*.jar 2>/dev/null | head -n 1)}
        [ -f "$jar" ] || { echo "TESSERA_DB=$db needs its JDBC driver: set TESSERA_JDBC_DRIVER to the $name jar" >&2; exit 2; }
        # What asadmin add-library --type common does, before the first start, so the pool finds the driver at once.
        cp "$jar" "$domain/lib/"
        ;;
    *) echo "TESSERA_DB must be h2, postgresql or mariadb (got '$db')" >&2; exit 2 ;;
esac
data_dir=${TESSERA_DATA_DIR:-$domain/tessera-data}
mkdir -p "$data_dir"

commands=$(mktemp)
trap 'rm -f "$commands"' EXIT
{
    grep -v '^#' "$here/tessera.asadmin"
    echo "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener-1.port=$port"
    # tessera.data.dir is the system property the H2 pool's URL names (as on Payara Micro).
    echo "create-system-properties --target server-config tessera.port=$port:tessera.data.dir=$(echo "$data_dir" | sed 's/:/\\\\:/g')"
    # The pool as Payara Micro defines it; asadmin's own parser takes one level of backslashes first.
    grep -v '^#' "$here/../payara-micro/$db.asadmin" | sed 's/\\/\\\\/g'
    echo "deploy --name tessera --contextroot / $war"
} | grep -v '^$' > "$commands"

"$asadmin" start-domain domain1
status=0
"$asadmin" multimode --file "$commands" || status=$?
"$asadmin" stop-domain domain1
if [ "$status" -ne 0 ]; then
    echo "Setting up Payara Server failed (see $domain/logs/server.log)" >&2
    exit "$status"
fi
echo "Payara Server at $home is set up for Tessera ($db, port $port). Start it with: $home/bin/asadmin start-domain"
