package dev.tessera.user;

import dev.tessera.audit.AuditEvent;
import dev.tessera.audit.AuditLog;
import dev.tessera.audit.AuditType;
import dev.tessera.metrics.TesseraMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sign-ins by a Kerberos principal an acceptor has already verified (docs/kerberos.md): the stores are asked in their
 * configured order ({@link UserStore#findByPrincipal}) and the first that knows the principal decides. No password
 * is involved, so nothing is throttled; every outcome, including the refusals of the ticket itself
 * ({@link #refused}), is audited as a login and counted by store and outcome ({@code tessera.kerberos.sign.ins}).
 */
@ApplicationScoped
public class PrincipalSignIns {
    private static final Logger LOG = Logger.getLogger(PrincipalSignIns.class.getName());
    /** The amr of a Kerberos sign-in: RFC 8176 registers no value for it, so this is Tessera's own (docs/kerberos.md). */
    public static final String KERBEROS_AMR = "kerberos";
    /** A valid ticket whose principal no store knows. */
    public static final String UNKNOWN_MESSAGE = "login.error.kerberos-unknown";
    static final String METHOD = "kerberos";
    static final String SUCCESS = "success";
    static final String UNKNOWN = "unknown_principal";

    @Inject
    UserStores stores;

    @Inject
    AuditLog audit;

    @Inject
    TesseraMetrics metrics;

    /** @param principal as the acceptor verified it; @param clientAddress for the audit trail */
    public LoginResult signIn(PrincipalName principal, String clientAddress) {
        String store = DefaultUserDirectory.NO_STORE;
        LoginResult result;
        try {
            Optional<Found> found = find(principal);
            if (found.isEmpty()) {
                result = new LoginResult.Failure(LoginResult.Reason.INVALID_CREDENTIALS, UNKNOWN_MESSAGE,
                        "no user store knows the Kerberos principal " + principal);
            } else {
                store = found.get().store();
                UserAccount account = found.get().account();
                result = account.enabled() ? new LoginResult.Success(account, List.of(KERBEROS_AMR))
                        : new LoginResult.Failure(LoginResult.Reason.DISABLED, LoginMessages.DISABLED,
                                "the account of Kerberos principal " + principal + " is disabled");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A Kerberos principal could not be looked up", e);
            result = new LoginResult.Failure(LoginResult.Reason.UNAVAILABLE, LoginMessages.UNAVAILABLE,
                    "user store failed looking up a Kerberos principal: " + e);
        }
        record(store, result, principal, clientAddress);
        return result;
    }

    /**
     * A ticket refused before any store was asked (replay, clock skew, a malformed token, another leg needed).
     *
     * @param outcome the metric's outcome label, e.g. {@code replay}
     */
    public void refused(String outcome, String detail, String clientAddress) {
        count(DefaultUserDirectory.NO_STORE, outcome);
        audit.record(AuditEvent.now(AuditType.LOGIN_FAILED, "anonymous", null, null, clientAddress,
                Map.of("method", METHOD, "reason", outcome, "detail", detail)));
    }

    private record Found(String store, UserAccount account) {
    }

    private Optional<Found> find(PrincipalName principal) {
        for (UserStore store : stores.ordered()) {
            Optional<UserAccount> account = store.findByPrincipal(principal);
            if (account.isPresent()) {
                return Optional.of(new Found(store.id(), account.get()));
            }
        }
        return Optional.empty();
    }

    private void record(String store, LoginResult result, PrincipalName principal, String clientAddress) {
        if (result instanceof LoginResult.Success s) {
            count(store, SUCCESS);
            audit.record(AuditEvent.now(AuditType.LOGIN_SUCCEEDED, s.user().subject(), s.user().subject(), null, clientAddress,
                    Map.of("method", METHOD, "principal", principal.toString())));
        } else if (result instanceof LoginResult.Failure f) {
            String outcome = UNKNOWN_MESSAGE.equals(f.messageKey()) ? UNKNOWN : f.reason().name().toLowerCase(Locale.ROOT);
            count(store, outcome);
            audit.record(AuditEvent.now(AuditType.LOGIN_FAILED, "anonymous", null, null, clientAddress,
                    Map.of("method", METHOD, "reason", outcome, "principal", principal.toString(), "detail", f.auditDetail())));
        }
    }

    private void count(String store, String outcome) {
        if (metrics != null) {
            metrics.kerberosSignIn(store, outcome);
        }
    }
}
