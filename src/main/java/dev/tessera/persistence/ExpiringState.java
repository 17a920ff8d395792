package dev.tessera.persistence;

/**
 * A table of short-lived rows that the {@link StorageReaper} empties of expired ones. Each capability
 * that stores such rows contributes one bean; the reaper needs no list of its own.
 *
 * @see StorageReaper
 */
public interface ExpiringState {
    /** The JPA entity name. */
    String entity();

    /** The entity's id attribute. */
    String idAttribute();

    /** The Instant attribute after which a row is dead. */
    default String expiryAttribute() {
        return "expiresAt";
    }
}
