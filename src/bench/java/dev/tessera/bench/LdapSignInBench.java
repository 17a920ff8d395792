package dev.tessera.bench;

import dev.tessera.user.ldap.LdapFixture;
import dev.tessera.user.ldap.LdapTestServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 25, point 1, measured the way the issue measured it: whole sign-ins through the login page of a running
 * Tessera ({@code TESSERA_USERS_STORES=ldap,local}, generic flavor, Payara Micro on H2 as the README runs it) for
 * people of the {@link LdapFixture} directory (default 100,000 people, 2,000 groups nested three levels, 15 direct
 * groups each, no memberOf) in an in-memory UnboundID directory in this JVM, against a local user's sign-ins,
 * interleaved in one run: sequential, then four in parallel. Reports median and p99 of both, their ratio (the
 * target: at most 1.5), the server's CPU per sign-in, the directory's searches and binds per sign-in, and the
 * Argon2id ceiling of the same run. Run by {@code .ci/bench-ldap-signin}; it stops the node and the directory it
 * started, and exits by itself after {@code ldapsignin.capSeconds} whatever happens.
 */
public final class LdapSignInBench {
    static final String LOCAL_USER = "bench-local";
    private static final String ADMIN_SECRET = "bench-ldap-admin-secret";

    private LdapSignInBench() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(BenchConfig.prop("startup.port", "8184"));
        int users = Integer.parseInt(BenchConfig.prop("ldapsignin.users", "100000"));
        boolean indexed = Boolean.parseBoolean(BenchConfig.prop("ldapsignin.indexed", "true"));
        int capSeconds = Integer.parseInt(BenchConfig.prop("ldapsignin.capSeconds", "1500"));
        Path out = Path.of(BenchConfig.prop("bench.output", "target/bench")).toAbsolutePath();
        Files.createDirectories(out);
        Watchdog.exitAfter(capSeconds);
        StringBuilder report = new StringBuilder("# Directory sign-ins through the login page (issue 25), ")
                .append(Instant.now()).append("\n\nMachine: ").append(Machine.describe()).append('\n');
        long loading = System.nanoTime();
        try (LdapTestServer directory = LdapTestServer.generated(new LdapFixture(users, 2_000, 15, false), 0, indexed)) {
            report.append(String.format(Locale.ROOT, "Directory: %,d people, 2,000 groups (three levels), 15 direct groups each, "
                    + "no memberOf, %s; loaded in %.0f s%n", users, indexed ? "equality indexes on uid, entryUUID, member, memberOf"
                    : "no indexes (every search a scan)", (System.nanoTime() - loading) / 1e9));
            Path data = Files.createTempDirectory(out, "ldap-signin-data-");
            Path log = out.resolve("ldap-signin-node.log");
            try (NodeLauncher node = NodeLauncher.start(payaraJar(), BenchConfig.prop("ldapsignin.javaOpts", "-Xmx512m -XX:+UseSerialGC"),
                    "h2", port, data, log, environment(directory))) {
                Watchdog.onExit(node);
                double ready = node.awaitReady(300);
                if (ready < 0) {
                    throw new IllegalStateException("The node did not get ready; see " + log);
                }
                report.append(String.format(Locale.ROOT, "Node: Payara Micro, H2, `TESSERA_USERS_STORES=ldap,local`, generic flavor, "
                        + "pid %d, ready in %.1f s (log %s)%n", node.pid(), ready, log));
                LdapSignInRun run = new LdapSignInRun(setUp(port), new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                        directory, node.pid(), users);
                run.measure(report);
                report.append(LdapSignInRun.argon2Ceiling(node.pid()));
            }
        }
        Path file = out.resolve("ldap-signin-" + Instant.now().toString().replace(':', '-') + ".md");
        Files.writeString(file, report);
        System.out.println(report);
        System.out.println("Results written to " + file);
        System.exit(0);
    }

    private static Map<String, String> environment(LdapTestServer directory) {
        Map<String, String> env = new HashMap<>();
        env.put("TESSERA_BOOTSTRAP_ADMIN_SECRET", ADMIN_SECRET);
        env.put("TESSERA_USERS_STORES", "ldap,local");
        env.put("TESSERA_LDAP_URLS", directory.url());
        env.put("TESSERA_LDAP_FLAVOR", "generic");
        env.put("TESSERA_LDAP_BIND_DN", LdapFixture.SERVICE);
        env.put("TESSERA_LDAP_BIND_PASSWORD", LdapTestServer.SERVICE_PASSWORD);
        env.put("TESSERA_LDAP_USER_BASE_DN", LdapFixture.PEOPLE);
        env.put("TESSERA_LDAP_GROUP_BASE_DN", LdapFixture.GROUPS);
        return env;
    }

    /** The local user and the web client, through the admin API; the sign-in of the local user. */
    private static SignInFlow.Setup setUp(int port) throws Exception {
        System.setProperty("bench.url", "http://127.0.0.1:" + port);
        System.setProperty("bench.adminSecret", ADMIN_SECRET);
        AdminApi admin = new AdminApi(BenchConfig.fromSystemProperties());
        admin.ensureUser(LOCAL_USER, SuiteSetup.PASSWORD);
        String secret = admin.upsertClient("bench-web", "{\"client_id\":\"bench-web\",\"client_name\":\"Tessera benchmark web\","
                + "\"redirect_uris\":[\"" + SuiteSetup.REDIRECT_URI + "\"],\"grant_types\":[\"authorization_code\"],"
                + "\"token_endpoint_auth_method\":\"client_secret_basic\",\"scope\":\"openid\"}");
        return new SignInFlow.Setup(URI.create("http://127.0.0.1:" + port).getAuthority(), "bench-web",
                AdminApi.basic("bench-web", secret), SuiteSetup.REDIRECT_URI, "openid", LOCAL_USER, SuiteSetup.PASSWORD);
    }

    private static Path payaraJar() {
        return Path.of(BenchConfig.prop("startup.payaraJar", Files.exists(Path.of("target/payara-micro.jar"))
                ? "target/payara-micro.jar" : System.getProperty("user.home")
                + "/.m2/repository/fish/payara/extras/payara-micro/6.2025.10/payara-micro-6.2025.10.jar"));
    }

    /** The time cap: after it, the node is stopped and the JVM exits, finished or not. */
    static final class Watchdog {
        private static volatile NodeLauncher node;

        private Watchdog() {
        }

        static void onExit(NodeLauncher launched) {
            node = launched;
            Runtime.getRuntime().addShutdownHook(new Thread(Watchdog::stopNode));
        }

        static void exitAfter(int seconds) {
            Thread t = new Thread(() -> {
                try {
                    Thread.sleep(seconds * 1000L);
                    System.err.println("Time cap of " + seconds + " s reached: stopping the node and exiting");
                    Runtime.getRuntime().halt(stopNode() ? 2 : 3);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "time-cap");
            t.setDaemon(true);
            t.start();
        }

        private static boolean stopNode() {
            NodeLauncher n = node;
            if (n == null) {
                return true;
            }
            try {
                n.close();
                return true;
            } catch (InterruptedException e) {
                return false;
            }
        }
    }
}
