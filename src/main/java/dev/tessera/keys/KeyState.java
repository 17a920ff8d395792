package dev.tessera.keys;

/**
 * Where a signing key is in its life. Published states appear in the JWKS; only ACTIVE signs.
 * The state is computed from the key's timestamps and the clock ({@link KeyTimeline#stateAt}), so every
 * node that shares the database agrees without talking to the others.
 */
public enum KeyState {
    /** Published so verifiers can cache it, not signing yet. */
    NEXT,
    /** Signing new tokens. */
    ACTIVE,
    /** Superseded; still published until every token it signed has expired. */
    RETIRED,
    /** Past its retention; no longer published, and deleted by the rotation job. */
    REMOVED;

    public boolean published() {
        return this != REMOVED;
    }
}
