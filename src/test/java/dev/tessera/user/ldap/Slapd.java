package dev.tessera.user.ldap;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenLDAP server (Debian's {@code slapd}) for tests, in a temporary directory under target/: an mdb
 * database for dc=example,dc=org loaded with slapadd from src/test/resources/ldap/openldap.ldif (slapadd
 * keeps the entryUUIDs), listening on a free loopback port. Tests using it are skipped where slapd is not
 * installed ({@link #available()}).
 */
final class Slapd implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/sbin/slapd");
    static final Path SLAPADD = Path.of("/usr/sbin/slapadd");
    private final Process process;
    private final int port;
    private final Path dir;

    private Slapd(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    static boolean available() {
        return Files.isExecutable(BINARY) && Files.isExecutable(SLAPADD) && Files.isDirectory(Path.of("/etc/ldap/schema"));
    }

    static Slapd start() throws Exception {
        Path target = Path.of(System.getProperty("project.build.directory", "target"));
        Files.createDirectories(target);
        Path dir = Files.createTempDirectory(target.toAbsolutePath(), "slapd-");
        Path data = Files.createDirectories(dir.resolve("data"));
        Path conf = dir.resolve("slapd.conf");
        Files.writeString(conf, String.join("\n",
                "include /etc/ldap/schema/core.schema",
                "include /etc/ldap/schema/cosine.schema",
                "include /etc/ldap/schema/inetorgperson.schema",
                "modulepath /usr/lib/ldap",
                "moduleload back_mdb",
                "pidfile " + dir.resolve("slapd.pid"),
                "database mdb",
                "maxsize 10485760",
                "suffix \"" + LdapTestServer.OPENLDAP_BASE + "\"",
                "rootdn \"cn=admin," + LdapTestServer.OPENLDAP_BASE + "\"",
                "rootpw admin-secret",
                "directory " + data,
                "index objectClass eq",
                "index uid,member,entryUUID eq",
                "access to attrs=userPassword by anonymous auth by self write by * none",
                "access to * by * read", ""));
        Path ldif = dir.resolve("seed.ldif");
        try (var in = Slapd.class.getClassLoader().getResourceAsStream("ldap/openldap.ldif")) {
            Files.copy(in, ldif);
        }
        run(List.of(SLAPADD.toString(), "-f", conf.toString(), "-l", ldif.toString()), dir);
        int port = freePort();
        Process process = new ProcessBuilder(BINARY.toString(), "-f", conf.toString(), "-h", "ldap://127.0.0.1:" + port + "/", "-d", "0")
                .redirectErrorStream(true).redirectOutput(dir.resolve("slapd.log").toFile()).start();
        Slapd slapd = new Slapd(process, port, dir);
        slapd.awaitListening();
        return slapd;
    }

    String url() {
        return "ldap://127.0.0.1:" + port;
    }

    private void awaitListening() throws Exception {
        for (int i = 0; i < 100; i++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("slapd exited: " + Files.readString(dir.resolve("slapd.log")));
            }
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("slapd did not listen on " + port);
    }

    private static void run(List<String> command, Path dir) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("slapadd.log").toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(command + " failed: " + Files.readString(dir.resolve("slapadd.log")));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
