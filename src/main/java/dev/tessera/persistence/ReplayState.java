package dev.tessera.persistence;

import jakarta.enterprise.context.ApplicationScoped;

/** Used one-time identifiers are kept only until they expire. */
@ApplicationScoped
public class ReplayState implements ExpiringState {
    @Override
    public String entity() {
        return "ReplayEntry";
    }

    @Override
    public String idAttribute() {
        return "keyHash";
    }
}
