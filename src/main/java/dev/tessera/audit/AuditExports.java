package dev.tessera.audit;

import dev.tessera.config.AuditSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.logging.Logger;

/**
 * Copies every stored row out of the database, after it committed: as one JSON line appended to
 * {@code tessera.audit.export.file}, and as an RFC 5424 message over UDP (RFC 5426) to
 * {@code tessera.audit.export.syslog-host}. Each is off when its key is empty. An export that fails is
 * logged and skipped; the row stays in the table.
 */
@ApplicationScoped
public class AuditExports {
    private static final Logger LOG = Logger.getLogger(AuditExports.class.getName());

    @Inject
    AuditSettings settings;

    public void export(List<AuditRecord> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try {
            if (settings.exportFile() != null) {
                appendLines(Path.of(settings.exportFile()), rows);
            }
            if (settings.syslogHost() != null) {
                send(new InetSocketAddress(settings.syslogHost(), settings.syslogPort()), rows);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warning(() -> "Exporting " + rows.size() + " audit events failed (they are stored): " + e);
        }
    }

    static synchronized void appendLines(Path file, List<AuditRecord> rows) throws IOException {
        StringBuilder lines = new StringBuilder();
        rows.forEach(r -> lines.append(AuditJson.of(r)).append('\n'));
        Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
    }

    static void send(InetSocketAddress target, List<AuditRecord> rows) throws IOException {
        String host = InetAddress.getLocalHost().getHostName();
        try (DatagramSocket socket = new DatagramSocket()) {
            for (AuditRecord row : rows) {
                byte[] message = SyslogMessage.format(row, host).getBytes(StandardCharsets.UTF_8);
                socket.send(new DatagramPacket(message, message.length, target));
            }
        }
    }
}
