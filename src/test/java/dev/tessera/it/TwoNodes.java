package dev.tessera.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Two Tessera nodes on loopback, one fresh PostgreSQL database, one Hazelcast cluster: each node is
 * started with the documented server-config/payara-micro/cluster-node.sh, so the test runs what
 * operators run. Node A's URL is the issuer; a test sends a request "to B" by using B's URL, as a load
 * balancer would. {@link #close()} stops both and drops the database.
 */
final class TwoNodes implements AutoCloseable {
    static final String ADMIN_SECRET = "it-admin-secret";
    private static final Duration STARTUP = Duration.ofSeconds(150);

    final String database = "tessera_cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final Map<String, String> environment = new HashMap<>();
    private final int portA;
    private final int portB;
    PayaraMicroProcess a;
    PayaraMicroProcess b;

    private TwoNodes(int portA, int portB, int clusterPort) {
        this.portA = portA;
        this.portB = portB;
        environment.put("TESSERA_DB", "postgresql");
        environment.put("TESSERA_DB_URL", LocalPostgres.urlOf(database));
        environment.put("TESSERA_DB_USER", LocalPostgres.user());
        environment.put("TESSERA_DB_PASSWORD", LocalPostgres.password());
        environment.put("TESSERA_ISSUER", urlOf(portA));
        environment.put("TESSERA_BOOTSTRAP_ADMIN_SECRET", ADMIN_SECRET);
        environment.put("TESSERA_CLUSTER_NAME", "tessera-it-" + database);
        environment.put("TESSERA_CLUSTER_PORT", Integer.toString(clusterPort));
        environment.put("TESSERA_CLUSTER_SIZE", "2");
        Path target = Path.of(System.getProperty("project.build.directory", "target")).toAbsolutePath();
        environment.put("PAYARA_MICRO_JAR", System.getProperty("payara.microJar", target.resolve("payara-micro.jar").toString()));
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("JAVA_OPTS", "-Xmx512m -XX:TieredStopAtLevel=1 -Djava.io.tmpdir=" + target);
    }

    /** Starts both nodes at once and waits until both are ready and see each other; skips without PostgreSQL. */
    static TwoNodes start() throws Exception {
        return start(null);
    }

    /** The same with both nodes on {@code war} (null: the WAR this build made), as a rolling upgrade starts. */
    static TwoNodes start(Path war) throws Exception {
        assumeTrue(unavailable() == null, unavailable());
        TwoNodes nodes = new TwoNodes(PayaraMicroProcess.freePort(), PayaraMicroProcess.freePort(), twoFreePorts());
        if (war != null) {
            nodes.environment.put("TESSERA_WAR", war.toAbsolutePath().toString());
        }
        LocalPostgres.admin("CREATE DATABASE " + nodes.database);
        // Also when the test JVM is stopped from outside (a timeout): no node outlives the test.
        Runtime.getRuntime().addShutdownHook(new Thread(nodes::stopNodes));
        try {
            nodes.a = nodes.launch("cluster-a", nodes.portA);
            if (war != null) {
                // An earlier release's two first starts at once can race to create Liquibase's own tables on an empty
                // database (seen with 66c3e9d); an operator starts a new cluster's first node first.
                nodes.a.awaitStarted(STARTUP);
            }
            nodes.b = nodes.launch("cluster-b", nodes.portB);
            for (PayaraMicroProcess node : List.of(nodes.a, nodes.b)) {
                node.awaitStarted(STARTUP);
                node.await("/health/ready", r -> r.statusCode() == 200, Duration.ofSeconds(60));
                node.awaitLog(log -> log.contains("DG Size: 2"), Duration.ofSeconds(30));
            }
            return nodes;
        } catch (Exception | Error e) {
            nodes.close();
            throw e;
        }
    }

    /** Why two nodes cannot run here (PostgreSQL does not answer), or null when they can. */
    static String unavailable() {
        return LocalPostgres.answers() ? null : "PostgreSQL is not reachable at " + LocalPostgres.adminUrl()
                + " (see docs/databases.md): two nodes need a shared database, so this test is skipped";
    }

    PayaraMicroProcess launch(String name, int port) throws IOException {
        return PayaraMicroProcess.launch(name, List.of("server-config/payara-micro/cluster-node.sh", Integer.toString(port)),
                environment, port);
    }

    /** Starts node A again on its port (after it died) and waits until it is ready and back in the cluster. */
    PayaraMicroProcess restartA(String name) throws Exception {
        a = launch(name, portA);
        return awaitMember(a);
    }

    /**
     * Stops one node (A or B) and starts it again on the same port with the WAR this build made, as one step of a
     * rolling upgrade; waits until it is ready and back in the cluster.
     */
    PayaraMicroProcess upgrade(PayaraMicroProcess node, String name) throws Exception {
        boolean isA = node == a;
        node.close();
        environment.remove("TESSERA_WAR");
        PayaraMicroProcess upgraded = awaitMember(launch(name, isA ? portA : portB));
        if (isA) {
            a = upgraded;
        } else {
            b = upgraded;
        }
        return upgraded;
    }

    private static PayaraMicroProcess awaitMember(PayaraMicroProcess node) throws Exception {
        node.awaitStarted(STARTUP);
        node.await("/health/ready", r -> r.statusCode() == 200, Duration.ofSeconds(60));
        node.awaitLog(log -> log.contains("DG Size: 2"), Duration.ofSeconds(30));
        return node;
    }

    /** A connection to the nodes' database, to check what they committed. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(environment.get("TESSERA_DB_URL"), LocalPostgres.user(), LocalPostgres.password());
    }

    String issuer() {
        return urlOf(portA);
    }

    String urlA() {
        return urlOf(portA);
    }

    String urlB() {
        return urlOf(portB);
    }

    private void stopNodes() {
        for (PayaraMicroProcess node : new PayaraMicroProcess[] {a, b}) {
            if (node != null && node.isAlive()) {
                node.close();
            }
        }
    }

    @Override
    public void close() {
        try {
            stopNodes();
        } finally {
            try {
                LocalPostgres.admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            } catch (SQLException e) {
                System.err.println("Could not drop " + database + ": " + e.getMessage());
            }
        }
    }

    private static String urlOf(int port) {
        return "http://localhost:" + port;
    }

    /** A data grid port whose successor is free too: the nodes take the first free one of the two. */
    private static int twoFreePorts() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            int port = PayaraMicroProcess.freePort();
            if (port < 65535) {
                try (ServerSocket next = new ServerSocket(port + 1)) {
                    return port;
                } catch (IOException taken) {
                    // try another
                }
            }
        }
        throw new IllegalStateException("No two consecutive free ports on loopback");
    }
}
