package dev.tessera.device;

import dev.tessera.session.Authentication;
import dev.tessera.token.UserGrant;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Device code rows as {@link DeviceCodes} creates them, for the state machine tests. */
final class DeviceFixtures {
    static final Instant START = Instant.parse("2026-05-01T10:00:00Z");
    static final Duration LIFETIME = Duration.ofMinutes(10);
    static final Duration INTERVAL = Duration.ofSeconds(5);

    private DeviceFixtures() {
    }

    static DeviceCode pending() {
        return new DeviceCode("d".repeat(64), "u".repeat(64), UserGrant.requested("grant-1", "tv", Set.of("openid", "profile"), List.of()),
                INTERVAL, START, LIFETIME);
    }

    static boolean approve(DeviceCode code, Instant at) {
        return code.decide(true, "sub-1", new Authentication(at.minusSeconds(30), List.of("pwd"), "urn:tessera:acr:password"), at);
    }

    static boolean deny(DeviceCode code, Instant at) {
        return code.decide(false, "sub-1", new Authentication(at.minusSeconds(30), List.of("pwd"), null), at);
    }
}
