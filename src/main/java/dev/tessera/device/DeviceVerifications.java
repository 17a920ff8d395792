package dev.tessera.device;

import dev.tessera.config.Issuer;
import dev.tessera.oauth.Secrets;
import dev.tessera.session.Authentication;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The person's side of RFC 8628 §3.3: the user code they entered is bound to their browser, and only
 * that browser may then approve or deny. The binding is a random flow id in the page URL (found by its
 * hash) plus a second random value in a cookie (compared by its hash), the pattern of pending
 * authorization requests; the user code itself, with its few bits, never travels further than the form
 * it was typed into.
 */
@ApplicationScoped
public class DeviceVerifications {
    static final String COOKIE_PREFIX = "tessera_device_";
    public static final String COOKIE_PATH = "/ui";

    @PersistenceContext(unitName = "tessera")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Issuer issuer;

    /** A user code just bound to a browser: the flow id for URLs, and the cookie to set until {@code expiresAt}. */
    public record Bound(String flowId, String cookieName, String cookieValue, Instant expiresAt) {
    }

    /**
     * The person deciding, and their authentication as the decision records it (auth_time, amr and acr of the
     * tokens). Not their session: the device's tokens outlive it (see {@link DeviceCodeGrant}).
     */
    public record Decider(String subject, Authentication authentication) {
    }

    /** Binds the pending, live code with this normalized user code to a new flow; empty when there is none. */
    @Transactional
    public Optional<Bound> bind(String normalizedUserCode) {
        Instant now = clock.instant();
        Optional<DeviceCode> code = em.createQuery("SELECT d FROM DeviceCode d WHERE d.userCodeHash = :h", DeviceCode.class)
                .setParameter("h", UserCodes.hash(normalizedUserCode)).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().filter(d -> d.pendingAt(now));
        return code.map(d -> {
            String flowId = Secrets.random(32);
            String browser = Secrets.random(32);
            d.boundTo(Secrets.sha256Hex(flowId), Secrets.sha256Hex(browser));
            return new Bound(flowId, cookieName(flowId), browser, d.expiresAt());
        });
    }

    /** The pending, live code of this flow, if the browser presents the cookie that binds it. */
    public Optional<DeviceCode> find(String flowId, Function<String, String> cookies) {
        Instant now = clock.instant();
        return byFlow(flowId, LockModeType.NONE).filter(d -> d.pendingAt(now)).filter(d -> bindsBrowser(d, flowId, cookies));
    }

    /**
     * Records the person's answer, once: the row is locked first, then checked, so two tabs or two nodes
     * deciding at once decide in turn and the second finds the code no longer pending.
     *
     * @return false when the code is not this browser's or no longer pending (decided, expired, redeemed)
     */
    @Transactional
    public boolean decide(String flowId, Function<String, String> cookies, boolean approved, Decider who) {
        return byFlow(flowId, LockModeType.PESSIMISTIC_WRITE).filter(d -> bindsBrowser(d, flowId, cookies))
                .map(d -> d.decide(approved, who.subject(), who.authentication(), clock.instant()))
                .orElse(false);
    }

    /** The cookie set at {@code Path=/ui} (sent to the pages only), so with an https issuer it is {@code __Secure-}. */
    String cookieName(String flowId) {
        return issuer.cookieName(COOKIE_PREFIX + Secrets.sha256Hex("cookie:" + flowId).substring(0, 12), COOKIE_PATH);
    }

    private Optional<DeviceCode> byFlow(String flowId, LockModeType lock) {
        if (flowId == null || flowId.length() > 64) {
            return Optional.empty();
        }
        return em.createQuery("SELECT d FROM DeviceCode d WHERE d.flowHash = :h", DeviceCode.class)
                .setParameter("h", Secrets.sha256Hex(flowId)).setLockMode(lock).getResultStream().findFirst();
    }

    private boolean bindsBrowser(DeviceCode code, String flowId, Function<String, String> cookies) {
        String browser = cookies.apply(cookieName(flowId));
        return browser != null && Secrets.constantTimeEquals(code.browserHash(), Secrets.sha256Hex(browser));
    }
}
