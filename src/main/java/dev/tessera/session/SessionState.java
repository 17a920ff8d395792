package dev.tessera.session;

import dev.tessera.persistence.ExpiringState;
import jakarta.enterprise.context.ApplicationScoped;

/** Sessions past their absolute lifetime are reaped. */
@ApplicationScoped
public class SessionState implements ExpiringState {
    @Override
    public String entity() {
        return "SsoSession";
    }

    @Override
    public String idAttribute() {
        return "idHash";
    }
}
