package dev.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 point 10, the first hour: the README's run command, as the pom's payara-micro:start runs it (the
 * quick-start flags, server-config/payara-micro/logging.properties, an empty H2 data directory), prints a short
 * start whose last block is Tessera's: no expired-certificate warnings of Payara's trust store, no Liquibase
 * chatter, no list of REST endpoints, and the admin secret in the closing block.
 */
class QuickStartIT {
    private static final String BANNER = "=== Tessera is running ===";

    @Test
    void aFirstStartIsShortAndEndsWithTheBlockThatHoldsTheAdminSecret() throws Exception {
        Path basedir = Path.of(System.getProperty("project.basedir", "."));
        Path target = Path.of(System.getProperty("project.build.directory", "target"));
        Path data = Files.createDirectories(target.resolve("quick-start-data-" + System.nanoTime()));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path config = basedir.resolve("server-config/payara-micro");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + target, "-Dtessera.port=" + port,
                "-Dtessera.data.dir=" + data, "-jar", System.getProperty("payara.microJar", target.resolve("payara-micro.jar").toString()),
                "--nocluster", "--port", Integer.toString(port),
                "--prebootcommandfile", config.resolve("preboot.asadmin").toString(),
                "--logproperties", config.resolve("logging.properties").toString(),
                "--postbootcommandfile", config.resolve("h2.asadmin").toString(),
                "--deploy", System.getProperty("tessera.war", target.resolve("tessera.war").toString()), "--contextroot", "/"));
        if (Files.isDirectory(target.resolve("jdbc"))) {
            command.addAll(Arrays.asList("--addlibs", target.resolve("jdbc").toString()));
        }
        try (PayaraMicroProcess server = PayaraMicroProcess.launch("quick-start", command, Map.of(), port)) {
            server.awaitLog(log -> log.contains(BANNER), Duration.ofMinutes(3));
            Thread.sleep(3000); // whatever the container still writes after the block
            String log = server.log();

            assertThat(log).doesNotContain("NCLS-SECURITY-05054", "[liquibase", "UPDATE SUMMARY", "REST Endpoints", "SLF4J",
                    "Instance Configuration");
            assertThat(log.lines().count()).as("lines of a first start").isLessThan(60);
            String closing = log.substring(log.indexOf(BANNER));
            assertThat(closing).contains("client_id:     tessera-admin", "client_secret:", "grant_type=client_credentials");
            String after = closing.substring(closing.indexOf("]]") + 2);
            assertThat(after.lines().filter(l -> !l.isBlank()).count()).as("lines after the closing block: " + after).isLessThanOrEqualTo(2);
        }
    }
}
