package dev.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
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
        Path data = ReadmeServer.freshDataDirectory("quick-start");
        try (PayaraMicroProcess server = ReadmeServer.launch("quick-start", data, Map.of())) {
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
