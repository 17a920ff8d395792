package dev.tessera.admin;

import dev.tessera.audit.AuditEvent;
import dev.tessera.audit.AuditLog;
import dev.tessera.audit.AuditType;
import dev.tessera.consent.ConsentService;
import dev.tessera.session.logout.ClientLogouts;
import dev.tessera.token.RefreshTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;

/**
 * Removing a person's access to one client (issue 19 point 6): the remembered consent goes, every refresh token
 * family the person granted that client is revoked with its access tokens (offline ones too: the grant itself is
 * withdrawn), and the client is sent a back-channel logout for the person. One transaction: the outbox row commits
 * with the revocation or not at all.
 */
@ApplicationScoped
public class ConsentRevocations {
    static final String REASON = "consent_revoked";

    @Inject
    ConsentService consents;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    ClientLogouts logouts;

    @Inject
    AuditLog audit;

    /** @return false when the person had no consent for the client */
    @Transactional
    public boolean revoke(String subject, String clientId, String actor) {
        if (!consents.revoke(subject, clientId)) {
            return false;
        }
        refreshTokens.revokeClient(subject, clientId);
        boolean notified = logouts.notify(clientId, subject, REASON);
        audit.record(AuditEvent.now(AuditType.CONSENT_REVOKED, actor, subject, clientId, null,
                Map.of("backchannel_logout", Boolean.toString(notified))));
        return true;
    }
}
