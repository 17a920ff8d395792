package dev.tessera.device;

import dev.tessera.config.DeviceSettings;
import dev.tessera.config.Issuer;
import dev.tessera.token.JpaTokens;
import dev.tessera.token.UserGrant;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The device package's JPA services on a given EntityManager and clock, for the database test outside the container. */
public final class JpaDevices {
    public static final DeviceSettings SETTINGS = new DeviceSettings(Duration.ofMinutes(10), Duration.ofSeconds(5), 5, 20,
            Duration.ofMinutes(15));

    private JpaDevices() {
    }

    public static DeviceCodes codes(EntityManager em, Clock clock) {
        DeviceCodes codes = new DeviceCodes();
        codes.em = em;
        codes.settings = SETTINGS;
        codes.clock = clock;
        codes.polling = new DevicePolling();
        codes.polling.clock = clock;
        codes.inserter = new DeviceCodes.Inserter();
        codes.inserter.em = em;
        codes.artifacts = JpaTokens.artifacts(em, clock);
        return codes;
    }

    public static DeviceVerifications verifications(EntityManager em, Clock clock) {
        DeviceVerifications verifications = new DeviceVerifications();
        verifications.em = em;
        verifications.clock = clock;
        verifications.issuer = new Issuer("http://localhost:8080");
        return verifications;
    }

    /** A pending row with the given hashes, as issuing would store it. */
    public static DeviceCode row(String deviceCodeHash, String userCodeHash, Instant now) {
        return new DeviceCode(deviceCodeHash, userCodeHash, UserGrant.requested("grant", "tv", Set.of("openid"), List.of()),
                SETTINGS.interval(), now, SETTINGS.codeLifetime());
    }
}
