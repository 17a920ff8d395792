package dev.tessera.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A throwaway MIT Kerberos realm, {@value #REALM}, in target/kdc: Debian's krb5kdc on 127.0.0.1 (TCP and UDP on one free
 * port), the service principal {@value #SERVICE} with its keytab, and people with a password and a keytab each
 * ({@value #PASSWORD}). Started before the deployment, like {@link InMemoryActiveDirectory}, since the server reads
 * the keytab and krb5.conf arquillian.xml points it at (container payara-micro-ldap). Without the MIT tools nothing is
 * written, the server runs without Kerberos, and {@link #assumeAvailable} skips the Kerberos tests.
 */
public final class KerberosRealm implements BeforeAllCallback, AfterAllCallback {
    static final String REALM = "CORP.EXAMPLE";
    static final String SERVICE = "HTTP/localhost@" + REALM;
    static final String PASSWORD = "kerberos-secret-1";
    /** ada and bob live in the in-memory AD (bob disabled), kurt is created locally by the test, nobody lives anywhere. */
    static final List<String> PEOPLE = List.of("ada", "bob", "kurt", "nobody");
    static final Path DIR = Path.of(System.getProperty("project.build.directory", "target")).toAbsolutePath().resolve("kdc");
    private static final List<String> TOOLS = List.of("krb5kdc", "kdb5_util", "kadmin.local", "kinit");

    private static Process kdc;
    private static String missing;

    static void assumeAvailable() {
        Assumptions.assumeTrue(missing == null, () -> "No MIT Kerberos here (" + missing + "; apt-get install -y krb5-kdc "
                + "krb5-admin-server krb5-user, as .ci/run does): the Kerberos sign-ins are skipped");
    }

    static Path krb5Conf() {
        return DIR.resolve("krb5.conf");
    }

    static Path keytab(String person) {
        return DIR.resolve(person + ".keytab");
    }

    /** The environment the MIT tools, curl and Chromium read: this realm's krb5.conf and the given credential cache. */
    static Map<String, String> environment(Path cache) {
        return Map.of("KRB5_CONFIG", krb5Conf().toString(), "KRB5_KDC_PROFILE", DIR.resolve("kdc.conf").toString(),
                "KRB5CCNAME", "FILE:" + cache);
    }

    /** {@code kinit} for a person from their keytab into a fresh credential cache; its path. */
    static Path kinit(String person) {
        Path cache = DIR.resolve(person + "-" + System.nanoTime() + ".ccache");
        run(environment(cache), "kinit", "-k", "-t", keytab(person).toString(), person + "@" + REALM);
        return cache;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        missing = TOOLS.stream().filter(t -> find(t) == null).findFirst().orElse(null);
        if (Files.exists(DIR)) {
            try (Stream<Path> old = Files.walk(DIR)) {
                old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        if (missing != null) {
            return;
        }
        Files.createDirectories(DIR);
        int port = freePort();
        Files.writeString(DIR.resolve("kdc.conf"), "[kdcdefaults]\n kdc_ports = " + port + "\n kdc_tcp_ports = " + port + "\n[realms]\n "
                + REALM + " = {\n  database_name = " + DIR.resolve("principal") + "\n  acl_file = " + DIR.resolve("kadm5.acl")
                + "\n  key_stash_file = " + DIR.resolve("stash") + "\n  kdc_ports = " + port + "\n  kdc_tcp_ports = " + port
                + "\n  supported_enctypes = aes256-cts-hmac-sha1-96:normal aes128-cts-hmac-sha1-96:normal\n }\n[logging]\n kdc = FILE:"
                + DIR.resolve("kdc.log") + "\n");
        Files.writeString(krb5Conf(), "[libdefaults]\n default_realm = " + REALM + "\n dns_lookup_realm = false\n dns_lookup_kdc = false\n"
                + " rdns = false\n dns_canonicalize_hostname = false\n udp_preference_limit = 1\n[realms]\n " + REALM
                + " = {\n  kdc = 127.0.0.1:" + port + "\n }\n[domain_realm]\n localhost = " + REALM + "\n");
        Files.writeString(DIR.resolve("kadm5.acl"), "");
        Map<String, String> env = environment(DIR.resolve("setup.ccache"));
        run(env, "kdb5_util", "create", "-s", "-r", REALM, "-P", "throwaway master key");
        admin(env, "addprinc -randkey HTTP/localhost", "ktadd -k " + keytab("http") + " HTTP/localhost");
        for (String person : PEOPLE) {
            admin(env, "addprinc -pw " + PASSWORD + " " + person, "ktadd -norandkey -k " + keytab(person) + " " + person);
        }
        List<String> command = List.of(find("krb5kdc"), "-n", "-P", DIR.resolve("kdc.pid").toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(DIR.resolve("krb5kdc.out").toFile());
        builder.environment().putAll(env);
        kdc = builder.start();
        awaitPort(port);
        // The test JVM's own JGSS initiator reads this realm too (the server gets tessera.kerberos.krb5-conf).
        System.setProperty("java.security.krb5.conf", krb5Conf().toString());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (kdc != null) {
            kdc.destroy();
            kdc = null;
        }
    }

    private static void admin(Map<String, String> env, String... queries) {
        for (String query : queries) {
            run(env, "kadmin.local", "-r", REALM, "-q", query);
        }
    }

    static String run(Map<String, String> env, String tool, String... args) {
        List<String> command = new ArrayList<>();
        command.add(find(tool) == null ? tool : find(tool));
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(env);
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String find(String tool) {
        for (String dir : List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin", "/usr/local/sbin", "/usr/local/bin")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return Path.of(dir, tool).toString();
            }
        }
        return null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static void awaitPort(int port) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("krb5kdc did not listen on " + port + "; see " + DIR.resolve("kdc.log"));
    }
}
