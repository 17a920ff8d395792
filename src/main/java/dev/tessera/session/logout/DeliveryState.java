package dev.tessera.session.logout;

import dev.tessera.persistence.ExpiringState;
import jakarta.enterprise.context.ApplicationScoped;

/** Delivery records are kept for {@code tessera.logout.backchannel.retention}, then reaped. */
@ApplicationScoped
public class DeliveryState implements ExpiringState {
    @Override
    public String entity() {
        return "LogoutDelivery";
    }

    @Override
    public String idAttribute() {
        return "id";
    }
}
