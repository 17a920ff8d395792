#!/bin/sh
# Sets up a freshly unzipped WildFly (org.wildfly:wildfly-dist, 39 or later) to run Tessera, and deploys the WAR:
#
#   server-config/wildfly/setup.sh SERVER_HOME WAR
#   SERVER_HOME/bin/standalone.sh            # then Tessera answers at http://localhost:$TESSERA_PORT/
#
# The default configuration (standalone.xml) is changed offline (an embedded server, nothing listens meanwhile):
# tessera.cli (MicroProfile subsystems, port, root context, health on the application port), then the data source
# for TESSERA_DB, then the WAR. Run it once per server; docs/wildfly.md explains each step.
#
# Read now:
#   TESSERA_DB             h2 (default), postgresql or mariadb
#   TESSERA_JDBC_DRIVER    the JDBC driver jar for postgresql or mariadb (default: the one `mvn package` copied to
#                          the jdbc/ directory next to the WAR)
# Read by the server at every start (expressions in standalone.xml, MicroProfile Config), never written down here:
#   TESSERA_PORT           HTTP port (default 8080)
#   TESSERA_DB_URL, TESSERA_DB_USER, TESSERA_DB_PASSWORD    postgresql and mariadb (docs/databases.md)
#   TESSERA_DATA_DIR       where H2 keeps its files (default SERVER_HOME/standalone/data/tessera)
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
[ -x "$home/bin/jboss-cli.sh" ] || { echo "$home is not a WildFly (no bin/jboss-cli.sh)" >&2; exit 2; }
[ -f "$war" ] || { echo "no WAR at $war" >&2; exit 2; }

driver_jar() {
    jar=${TESSERA_JDBC_DRIVER:-$(ls "$(dirname "$war")"/jdbc/"$1"-*.jar 2>/dev/null | head -n 1)}
    [ -f "$jar" ] || { echo "TESSERA_DB=$db needs its JDBC driver: set TESSERA_JDBC_DRIVER to the $1 jar" >&2; exit 2; }
    echo "$jar"
}

# A connection is checked with SELECT 1 before it is handed out, so a restarted database is survived.
datasource() { # $1 driver name, $2 connection URL expression, $3 user expression, $4 password expression (or none)
    echo "/subsystem=datasources/data-source=TesseraDS:add(jndi-name=\"java:/jdbc/tessera\", driver-name=$1, connection-url=\"$2\", user-name=\"$3\"${4:+, password=\"$4\"}, validate-on-match=true, check-valid-connection-sql=\"SELECT 1\", background-validation=false)"
}

script=$(mktemp)
trap 'rm -f "$script"' EXIT
{
    echo "embed-server --server-config=standalone.xml --std-out=discard"
    grep -v '^#' "$here/tessera.cli" | grep -v '^$'
    case "$db" in
        h2)
            # H2 is a module of WildFly itself (the driver "h2" of standalone.xml). One node only (docs/databases.md).
            # Clobs up to 64 KiB stay in their rows, as in server-config/payara-micro/h2.asadmin (why: there).
            datasource h2 'jdbc:h2:file:${env.TESSERA_DATA_DIR:${jboss.server.data.dir}/tessera}/tessera;DB_CLOSE_ON_EXIT=FALSE;MAX_LENGTH_INPLACE_LOB=65536' sa
            ;;
        postgresql)
            echo "module add --name=org.postgresql --resources=$(driver_jar postgresql) --dependencies=java.se,jakarta.transaction.api"
            echo "/subsystem=datasources/jdbc-driver=postgresql:add(driver-name=postgresql, driver-module-name=org.postgresql, driver-class-name=org.postgresql.Driver)"
            datasource postgresql '${env.TESSERA_DB_URL}' '${env.TESSERA_DB_USER}' '${env.TESSERA_DB_PASSWORD}'
            ;;
        mariadb)
            echo "module add --name=org.mariadb.jdbc --resources=$(driver_jar mariadb-java-client) --dependencies=java.se,jakarta.transaction.api"
            echo "/subsystem=datasources/jdbc-driver=mariadb:add(driver-name=mariadb, driver-module-name=org.mariadb.jdbc, driver-class-name=org.mariadb.jdbc.Driver)"
            datasource mariadb '${env.TESSERA_DB_URL}' '${env.TESSERA_DB_USER}' '${env.TESSERA_DB_PASSWORD}'
            ;;
        *)
            echo "TESSERA_DB must be h2, postgresql or mariadb (got '$db')" >&2
            exit 2
            ;;
    esac
    echo "deploy $war --name=tessera.war"
    echo "stop-embedded-server"
} > "$script"
"$home/bin/jboss-cli.sh" --file="$script"
echo "WildFly at $home is set up for Tessera ($db). Start it with: $home/bin/standalone.sh"
