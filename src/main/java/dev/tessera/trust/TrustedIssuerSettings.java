package dev.tessera.trust;

import dev.tessera.client.ClientAssertionAlgorithms;
import dev.tessera.oauth.JsonParsing;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * A trusted issuer as the admin API sends it, checked before it reaches the table: exactly one of
 * {@code jwks} (public keys only) and an https {@code jwks_uri}; algorithms among the asymmetric ones
 * (RFC 7518 §3.1: no {@code none}, and no HMAC, whose secret would have to be shared); at least one
 * allowed subject and client ({@value TrustedIssuer#ANY} must be written out); a subject mapping.
 */
public record TrustedIssuerSettings(String issuer, String jwks, String jwksUri, Set<String> algorithms,
        Set<String> allowedSubjects, Set<String> allowedClients, Set<String> allowedAudiences, SubjectMapping subjectMapping,
        Integer maxAssertionLifetime, boolean enabled) {
    public static final String ID = "id";
    public static final String ISSUER = "issuer";
    public static final String JWKS = "jwks";
    public static final String JWKS_URI = "jwks_uri";
    public static final String ALGORITHMS = "algorithms";
    public static final String ALLOWED_SUBJECTS = "allowed_subjects";
    public static final String ALLOWED_CLIENTS = "allowed_clients";
    public static final String ALLOWED_AUDIENCES = "allowed_audiences";
    public static final String SUBJECT_MAPPING = "subject_mapping";
    public static final String MAX_ASSERTION_LIFETIME = "max_assertion_lifetime";
    public static final String ENABLED = "enabled";

    public static TrustedIssuerSettings fromJson(JsonObject json) {
        String issuer = string(json, ISSUER);
        if (issuer == null || issuer.isBlank() || issuer.length() > 500 || issuer.chars().anyMatch(Character::isWhitespace)) {
            throw invalid("issuer is required: at most 500 characters, no white space");
        }
        String jwks = json.get(JWKS) instanceof JsonObject o ? o.toString() : null;
        if (json.containsKey(JWKS) && jwks == null) {
            throw invalid("jwks must be a JWK Set object");
        }
        String jwksUri = string(json, JWKS_URI);
        checkKeys(jwks, jwksUri);
        Set<String> algorithms = strings(json, ALGORITHMS);
        List<String> asymmetric = ClientAssertionAlgorithms.asymmetric();
        if (!asymmetric.containsAll(algorithms)) {
            throw invalid("algorithms must be among " + String.join(" ", asymmetric));
        }
        Set<String> subjects = strings(json, ALLOWED_SUBJECTS);
        Set<String> clients = strings(json, ALLOWED_CLIENTS);
        if (subjects.isEmpty() || clients.isEmpty()) {
            throw invalid("allowed_subjects and allowed_clients are required; [\"*\"] allows any");
        }
        SubjectMapping mapping = SubjectMapping.fromWireName(string(json, SUBJECT_MAPPING))
                .orElseThrow(() -> invalid("subject_mapping must be local-user or service"));
        Integer lifetime = null;
        if (json.get(MAX_ASSERTION_LIFETIME) instanceof JsonNumber n) {
            if (!n.isIntegral() || n.longValue() <= 0 || n.longValue() > 86_400) {
                throw invalid("max_assertion_lifetime must be whole seconds between 1 and 86400");
            }
            lifetime = n.intValue();
        } else if (json.containsKey(MAX_ASSERTION_LIFETIME) && json.get(MAX_ASSERTION_LIFETIME) != JsonValue.NULL) {
            throw invalid("max_assertion_lifetime must be a number of seconds");
        }
        boolean enabled = json.get(ENABLED) != JsonValue.FALSE;
        return new TrustedIssuerSettings(issuer, jwks, jwksUri, algorithms, subjects, clients, strings(json, ALLOWED_AUDIENCES),
                mapping, lifetime, enabled);
    }

    void applyTo(TrustedIssuer entity) {
        entity.issuer(issuer);
        entity.jwks(jwks);
        entity.jwksUri(jwksUri);
        entity.algorithms(algorithms);
        entity.allowedSubjects(allowedSubjects);
        entity.allowedClients(allowedClients);
        entity.allowedAudiences(allowedAudiences);
        entity.subjectMapping(subjectMapping);
        entity.maxAssertionLifetimeSeconds(maxAssertionLifetime);
        entity.enabled(enabled);
    }

    private static void checkKeys(String jwks, String jwksUri) {
        if ((jwks == null) == (jwksUri == null)) {
            throw invalid("exactly one of jwks and jwks_uri is required");
        }
        if (jwksUri != null && !jwksUri.startsWith("https://")) {
            throw invalid("jwks_uri must be an https URL");
        }
        if (jwks == null) {
            return;
        }
        try {
            List<JsonWebKey> keys = new JsonWebKeySet(jwks).getJsonWebKeys();
            // jose4j skips members it cannot read; such a member would be stored unchecked and never used.
            if (keys.isEmpty() || keys.size() != ((List<?>) JsonParsing.parse(jwks).get("keys")).size()) {
                throw invalid("jwks must hold valid JWKs only, at least one");
            }
            for (JsonWebKey key : keys) {
                if (key instanceof PublicJsonWebKey pk && pk.getPrivateKey() != null || "oct".equals(key.getKeyType())) {
                    throw invalid("jwks must contain public keys only");
                }
            }
        } catch (JoseException | ClassCastException | NullPointerException e) {
            throw invalid("jwks is not a valid JWK Set");
        }
    }

    private static String string(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonString s)) {
            throw invalid(name + " must be a string");
        }
        return s.getString();
    }

    private static Set<String> strings(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return Set.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw invalid(name + " must be an array of strings");
        }
        Set<String> values = new LinkedHashSet<>();
        for (JsonValue item : array) {
            if (!(item instanceof JsonString s) || s.getString().isBlank() || s.getString().contains(" ")) {
                throw invalid(name + " must be an array of non-empty strings without spaces");
            }
            values.add(s.getString());
        }
        return values;
    }

    static OAuthException invalid(String description) {
        return new OAuthException(OAuthError.INVALID_REQUEST, description);
    }
}
