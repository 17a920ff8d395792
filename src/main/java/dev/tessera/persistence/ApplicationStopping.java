package dev.tessera.persistence;

/**
 * Fired when the web application stops (its servlet context is destroyed), after every {@link RepeatingTask} has
 * stopped: the moment for a bean's last write, such as the audit trail's final batch. The web module stops while the
 * persistence unit is still open; an application-scoped bean's {@code @PreDestroy} has no order against the
 * persistence unit's closing that Jakarta EE promises, so a final write there could meet a closed EntityManagerFactory
 * (argued from the code, not reproduced: docs/issues.md, "CI log canary, 2026-12-07").
 */
public record ApplicationStopping() {
}
