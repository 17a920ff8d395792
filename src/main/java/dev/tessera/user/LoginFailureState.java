package dev.tessera.user;

import dev.tessera.persistence.ExpiringState;
import jakarta.enterprise.context.ApplicationScoped;

/** Failure counters whose window and lock are both over are reaped like every other short-lived row. */
@ApplicationScoped
public class LoginFailureState implements ExpiringState {
    @Override
    public String entity() {
        return "LoginFailure";
    }

    @Override
    public String idAttribute() {
        return "keyHash";
    }
}
