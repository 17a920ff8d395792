package dev.tessera.session.logout;

import java.util.Arrays;
import java.util.Optional;

/** Where a back-channel delivery stands, with the wire name the outbox and the admin API use. */
public enum DeliveryStatus {
    PENDING("pending"),
    DELIVERED("delivered"),
    GIVEN_UP("given_up");

    private final String wireName;

    DeliveryStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<DeliveryStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }
}
