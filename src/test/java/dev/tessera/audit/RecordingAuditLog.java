package dev.tessera.audit;

import java.util.ArrayList;
import java.util.List;

/** An audit log for unit tests: keeps what was recorded instead of firing CDI events. */
public class RecordingAuditLog extends AuditLog {
    public final List<AuditEvent> events = new ArrayList<>();

    @Override
    public void record(AuditEvent event) {
        events.add(event);
    }
}
