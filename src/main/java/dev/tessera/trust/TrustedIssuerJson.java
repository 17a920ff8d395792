package dev.tessera.trust;

import dev.tessera.oauth.JsonFactories;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.util.Collection;

/** A trusted issuer as the admin API answers it, under the names it was created with. */
public final class TrustedIssuerJson {
    private TrustedIssuerJson() {
    }

    public static JsonObjectBuilder of(TrustedIssuer t) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add(TrustedIssuerSettings.ID, t.id())
                .add(TrustedIssuerSettings.ISSUER, t.issuer())
                .add(TrustedIssuerSettings.ALGORITHMS, array(t.algorithms()))
                .add(TrustedIssuerSettings.ALLOWED_SUBJECTS, array(t.allowedSubjects()))
                .add(TrustedIssuerSettings.ALLOWED_CLIENTS, array(t.allowedClients()))
                .add(TrustedIssuerSettings.ALLOWED_AUDIENCES, array(t.allowedAudiences()))
                .add(TrustedIssuerSettings.SUBJECT_MAPPING, t.subjectMapping().wireName())
                .add(TrustedIssuerSettings.ENABLED, t.enabled())
                .add("created_at", t.createdAt().getEpochSecond())
                .add("updated_at", t.updatedAt().getEpochSecond());
        if (t.jwks() != null) {
            json.add(TrustedIssuerSettings.JWKS, JsonFactories.READERS.createReader(new StringReader(t.jwks())).readObject());
        }
        if (t.jwksUri() != null) {
            json.add(TrustedIssuerSettings.JWKS_URI, t.jwksUri());
        }
        if (t.maxAssertionLifetimeSeconds() != null) {
            json.add(TrustedIssuerSettings.MAX_ASSERTION_LIFETIME, t.maxAssertionLifetimeSeconds());
        }
        return json;
    }

    private static JsonArrayBuilder array(Collection<String> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }
}
