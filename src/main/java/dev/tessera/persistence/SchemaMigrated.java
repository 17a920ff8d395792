package dev.tessera.persistence;

/**
 * Fired once the schema is current. Start-up work that needs tables (creating signing keys, the
 * bootstrap admin client) observes this event instead of the application start, so it never runs
 * against a missing or half-migrated schema.
 */
public record SchemaMigrated() {
}
