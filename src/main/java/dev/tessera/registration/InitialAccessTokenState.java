package dev.tessera.registration;

import dev.tessera.persistence.ExpiringState;
import jakarta.enterprise.context.ApplicationScoped;

/** Expired initial access tokens are reaped like every other short-lived row. */
@ApplicationScoped
public class InitialAccessTokenState implements ExpiringState {
    @Override
    public String entity() {
        return "InitialAccessToken";
    }

    @Override
    public String idAttribute() {
        return "id";
    }
}
