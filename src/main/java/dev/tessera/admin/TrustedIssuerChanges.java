package dev.tessera.admin;

import dev.tessera.audit.AuditDiff;
import dev.tessera.audit.AuditType;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.trust.TrustedIssuer;
import dev.tessera.trust.TrustedIssuerJson;
import dev.tessera.trust.TrustedIssuerSettings;
import dev.tessera.trust.TrustedIssuers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Map;
import java.util.TreeMap;

/**
 * An administrator's changes to the trusted issuers of JWT bearer assertions (RFC 7523), from the admin API and the
 * console alike: {@link TrustedIssuers}' rules, then the audit record with its diff, the actor named by the caller.
 */
@ApplicationScoped
public class TrustedIssuerChanges {

    @Inject
    TrustedIssuers issuers;

    @Inject
    AdminChanges changes;

    /** Creates one from the admin API's JSON (an optional {@code id} and the settings). */
    public TrustedIssuer create(JsonObject json, String actor) {
        String id = null;
        if (json.containsKey(TrustedIssuerSettings.ID)) {
            if (!(json.get(TrustedIssuerSettings.ID) instanceof JsonString s)) {
                throw new OAuthException(OAuthError.INVALID_REQUEST, "id must be a string");
            }
            id = s.getString();
        }
        TrustedIssuer created = issuers.create(id, TrustedIssuerSettings.fromJson(json));
        changes.changed(AuditType.TRUSTED_ISSUER_CREATED, actor, null, null, null, TrustedIssuerJson.of(created).build());
        return created;
    }

    /** Replaces the settings (members left out take their defaults). */
    public TrustedIssuer update(String id, JsonObject json, String actor) {
        TrustedIssuerSettings settings = TrustedIssuerSettings.fromJson(json);
        JsonObject before = TrustedIssuerJson.of(existing(id)).build();
        TrustedIssuer updated = issuers.update(id, settings);
        Map<String, String> detail = new TreeMap<>(AuditDiff.between(before, TrustedIssuerJson.of(updated).build()));
        detail.put(TrustedIssuerSettings.ID, id);
        changes.record(AuditType.TRUSTED_ISSUER_UPDATED, actor, null, null, detail);
        return updated;
    }

    /** Stops trusting it: its assertions are refused at once. */
    public void delete(String id, String actor) {
        JsonObject before = TrustedIssuerJson.of(existing(id)).build();
        issuers.delete(id);
        changes.changed(AuditType.TRUSTED_ISSUER_DELETED, actor, null, null, before, null);
    }

    public TrustedIssuer existing(String id) {
        return issuers.find(id).orElseThrow(() -> new OAuthException(OAuthError.NOT_FOUND, "No trusted issuer " + id));
    }
}
