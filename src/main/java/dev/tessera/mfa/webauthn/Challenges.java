package dev.tessera.mfa.webauthn;

import dev.tessera.config.WebAuthnSettings;
import dev.tessera.oauth.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Ceremony challenges (Web Authentication §13.4.3: "the challenge SHOULD be at least 16 bytes long", random, kept
 * by the relying party "to prevent replay attacks"): 32 bytes from the CSPRNG, stored by hash with the browser
 * session they were handed to, the person and the ceremony, valid for {@code tessera.webauthn.challenge-lifetime}.
 * Consuming is one conditional DELETE, so a challenge works once on any node. Issuing is one INSERT (every login
 * page offers a passkey, so it is on the sign-in's path): expired rows are the storage reaper's ({@link ChallengeState}),
 * not a DELETE in front of every issue as before.
 */
@ApplicationScoped
public class Challenges {
    static final int BYTES = 32;

    @PersistenceContext(unitName = "tessera")
    EntityManager em;

    @Inject
    WebAuthnSettings settings;

    @Inject
    Clock clock;

    /** A new challenge (base64url) for {@code purpose}, bound to {@code binding} and to {@code subject} (null: anyone). */
    @Transactional
    public String issue(Purpose purpose, String binding, String subject) {
        Instant now = clock.instant();
        String challenge = Secrets.random(BYTES);
        em.persist(new WebAuthnChallenge(Secrets.sha256Hex(challenge), Secrets.sha256Hex(binding), subject, purpose.name(),
                now.plus(settings.challengeLifetime())));
        return challenge;
    }

    /** True once for a live challenge issued for this purpose, binding and person; it is gone afterwards. */
    @Transactional
    public boolean consume(String challenge, Purpose purpose, String binding, String subject) {
        if (challenge == null || binding == null) {
            return false;
        }
        String subjectClause = subject == null ? "c.subject IS NULL" : "c.subject = :s";
        var delete = em.createQuery("DELETE FROM WebAuthnChallenge c WHERE c.challengeHash = :h AND c.binding = :b AND c.purpose = :p "
                + "AND c.expiresAt >= :now AND " + subjectClause).setParameter("h", Secrets.sha256Hex(challenge))
                .setParameter("b", Secrets.sha256Hex(binding)).setParameter("p", purpose.name()).setParameter("now", clock.instant());
        if (subject != null) {
            delete.setParameter("s", subject);
        }
        return delete.executeUpdate() == 1;
    }

    /** The ceremonies: registering a credential, a second factor after the password, a passwordless sign-in. */
    public enum Purpose { REGISTER, SECOND_FACTOR, PASSWORDLESS }
}
