package dev.tessera.admin;

import dev.tessera.audit.AuditType;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.registration.InitialAccessTokenRequest;
import dev.tessera.registration.InitialAccessTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.Map;

/**
 * Issuing and revoking initial access tokens for dynamic registration (RFC 7591 §3), from the admin API and the
 * console alike, each audited with the actor named by the caller (the id, never the token).
 */
@ApplicationScoped
public class InitialAccessTokenChanges {

    @Inject
    InitialAccessTokens tokens;

    @Inject
    AdminChanges changes;

    /** Issues one from the API's JSON ({@code expires_in}, {@code uses}, both optional); its clear value is in the answer only. */
    public InitialAccessTokens.Issued issue(JsonObject json, String actor) {
        InitialAccessTokens.Issued issued = tokens.issue(InitialAccessTokenRequest.fromJson(json));
        changes.record(AuditType.INITIAL_ACCESS_TOKEN_ISSUED, actor, null, null, Map.of("id", issued.id(),
                "expires_at", issued.expiresAt().toString(), InitialAccessTokenRequest.USES, Integer.toString(issued.uses())));
        return issued;
    }

    public void revoke(String id, String actor) {
        if (!tokens.revoke(id)) {
            throw new OAuthException(OAuthError.NOT_FOUND, "No initial access token " + id);
        }
        changes.record(AuditType.INITIAL_ACCESS_TOKEN_REVOKED, actor, null, null, Map.of("id", id));
    }
}
