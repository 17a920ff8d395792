package dev.tessera.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.oauth.JsonFactories;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The before/after diff of admin changes, and the export formats: JSON lines and RFC 5424 syslog over UDP. */
class AuditFormatsTest {

    static JsonObject json(String text) {
        return JsonFactories.READERS.createReader(new StringReader(text)).readObject();
    }

    @Test
    void diffShowsOnlyChangedMembersAndMasksSecrets() {
        JsonObject before = json("{\"client_name\":\"Old\",\"scope\":\"a b\",\"client_secret\":\"s3cret-1\",\"same\":1}");
        JsonObject after = json("{\"client_name\":\"New\",\"client_secret\":\"s3cret-2\",\"same\":1,\"redirect_uris\":[\"https://a\"]}");

        assertThat(AuditDiff.between(before, after)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "before.client_name", "Old", "after.client_name", "New",
                "before.scope", "a b",
                "before.client_secret", "***", "after.client_secret", "***",
                "after.redirect_uris", "[\"https://a\"]"));
        assertThat(AuditDiff.between(null, json("{\"password\":\"pw\",\"username\":\"u\"}")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("after.password", "***", "after.username", "u"));
        assertThat(AuditDiff.between(json("{\"x\":\"" + "y".repeat(900) + "\"}"), null).get("before.x")).hasSize(AuditDiff.MAX_VALUE + 3);
    }

    @Test
    void jsonLineIsTheCanonicalContentWithTimeAndHashes() {
        AuditRecord row = new AuditRecord(3, AuditChainTest.event("admin", Map.of("k", "v")), AuditChainHead.GENESIS);
        JsonObject line = json(AuditJson.of(row));
        assertThat(line.getJsonNumber("seq").longValue()).isEqualTo(3);
        assertThat(line.getString("type")).isEqualTo("admin.client.updated");
        assertThat(line.getString("time")).isEqualTo("2026-12-06T13:45:01.234Z");
        assertThat(line.getJsonObject("detail").getString("k")).isEqualTo("v");
        assertThat(line.getString("prev_hash")).isEqualTo(AuditChainHead.GENESIS);
        assertThat(line.getString("hash")).isEqualTo(row.hash());
    }

    @Test
    void fileExportAppendsOneLinePerRow(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("audit.jsonl");
        List<AuditRecord> rows = AuditChainTest.chain(3);
        AuditExports.appendLines(file, rows.subList(0, 2));
        AuditExports.appendLines(file, rows.subList(2, 3));
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        assertThat(lines).extracting(l -> json(l).getString("hash")).containsExactly(rows.get(0).hash(), rows.get(1).hash(), rows.get(2).hash());
    }

    @Test
    void syslogMessageFollowsRfc5424() {
        AuditRecord ok = new AuditRecord(9, AuditChainTest.event("admin", Map.of()), AuditChainHead.GENESIS);
        String message = SyslogMessage.format(ok, "node one");
        // PRI authpriv.notice = 10*8+5; VERSION 1; TIMESTAMP; HOSTNAME (no spaces); APP-NAME; PROCID -; MSGID; SD; BOM MSG.
        assertThat(message).startsWith("<85>1 2026-12-06T13:45:01.234Z node_one tessera - admin.client.updated [tessera@32473 seq=\"9\" hash=\""
                + ok.hash() + "\"] \uFEFF{\"seq\":9,");
        AuditRecord failed = new AuditRecord(10, new AuditEvent(AuditChainTest.AT, AuditType.LOGIN_FAILED, "anonymous", null, null, null,
                Map.of()), ok.hash());
        assertThat(SyslogMessage.format(failed, "h")).startsWith("<84>1 ");
    }

    @Test
    void syslogExportSendsOneDatagramPerRow() throws Exception {
        try (DatagramSocket receiver = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            receiver.setSoTimeout(5000);
            List<AuditRecord> rows = AuditChainTest.chain(2);
            AuditExports.send(new InetSocketAddress(InetAddress.getLoopbackAddress(), receiver.getLocalPort()), rows);
            for (AuditRecord row : rows) {
                DatagramPacket packet = new DatagramPacket(new byte[8192], 8192);
                receiver.receive(packet);
                String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
                assertThat(text).startsWith("<85>1 ").contains("seq=\"" + row.seq() + "\"").endsWith("\"hash\":\"" + row.hash() + "\"}");
            }
        }
    }
}
