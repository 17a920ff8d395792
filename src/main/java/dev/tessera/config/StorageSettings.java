package dev.tessera.config;

import java.time.Duration;

/**
 * The reaper that keeps short-lived state bounded.
 *
 * @param reapInterval how often expired rows are removed
 * @param reapBatch    rows deleted per statement, so no delete holds locks for long
 */
public record StorageSettings(Duration reapInterval, int reapBatch) {
}
