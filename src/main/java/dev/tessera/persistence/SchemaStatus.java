package dev.tessera.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Whether start-up migration finished, and why not; read by the readiness check. */
@ApplicationScoped
public class SchemaStatus {
    private volatile boolean migrated;
    private volatile String failure;

    void succeeded() {
        migrated = true;
        failure = null;
    }

    void failed(String reason) {
        migrated = false;
        failure = reason;
    }

    public boolean migrated() {
        return migrated;
    }

    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }
}
