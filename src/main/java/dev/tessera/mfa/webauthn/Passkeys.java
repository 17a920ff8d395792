package dev.tessera.mfa.webauthn;

import dev.tessera.mfa.EnrolledFactor;
import dev.tessera.mfa.SecondFactor;
import dev.tessera.oauth.AcrValues;
import dev.tessera.oauth.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The person's passkeys and security keys as one {@link SecondFactor}: listed, renamed and removed like the other
 * factors (account page, admin API). A WebAuthn credential is proved by a ceremony ({@link PasskeyCeremonies}), not by
 * typed input, so {@link #accepts} refuses every code and the code path never picks this factor.
 */
@ApplicationScoped
public class Passkeys implements SecondFactor {
    public static final String TYPE = "webauthn";
    static final int NAME_LENGTH = 100;

    @PersistenceContext(unitName = "tessera")
    EntityManager em;

    @Override
    public String type() { return TYPE; }

    /** What a security key states; each assertion states its own methods ({@link PasskeyMethods}). */
    @Override
    public List<String> amr() { return List.of(AcrValues.AMR_HWK, AcrValues.AMR_USER); }

    @Override
    public boolean primary() { return true; }

    @Override
    public boolean accepts(String input) { return false; }

    @Override
    public boolean verify(String subject, String input) { return false; }

    @Override
    public List<EnrolledFactor> enrolled(String subject) {
        return credentials(subject).stream().map(c -> new EnrolledFactor(c.id(), TYPE, c.createdAt(), c.lastUsedAt(), 0)).toList();
    }

    public List<WebAuthnCredential> credentials(String subject) {
        return em.createQuery("SELECT c FROM WebAuthnCredential c WHERE c.subject = :s ORDER BY c.createdAt", WebAuthnCredential.class)
                .setParameter("s", subject).getResultList();
    }

    @Override
    @Transactional
    public int remove(String subject, String id) {
        if (id == null) {
            return em.createQuery("DELETE FROM WebAuthnCredential c WHERE c.subject = :s").setParameter("s", subject).executeUpdate();
        }
        return em.createQuery("DELETE FROM WebAuthnCredential c WHERE c.subject = :s AND c.id = :id").setParameter("s", subject)
                .setParameter("id", id).executeUpdate();
    }

    /** Renames one of the person's credentials; false when it is not theirs or the name is empty. */
    @Transactional
    public boolean rename(String subject, String id, String name) {
        String clean = clean(name);
        return !clean.isEmpty() && em.createQuery("UPDATE WebAuthnCredential c SET c.name = :n WHERE c.subject = :s AND c.id = :id")
                .setParameter("n", clean).setParameter("s", subject).setParameter("id", id).executeUpdate() == 1;
    }

    public Optional<WebAuthnCredential> byCredentialId(String credentialId) {
        return Optional.ofNullable(em.find(WebAuthnCredential.class, rowId(credentialId)));
    }

    @Transactional
    public void store(String subject, Verifier.Registered registered, String name, Instant now) {
        em.persist(new WebAuthnCredential(rowId(registered.credentialId()), registered.credentialId(), subject, userHandle(subject),
                registered.publicKey(), registered.signCount(), registered.aaguid(), clean(name), registered.transports(),
                Boolean.TRUE.equals(registered.discoverable()), registered.backupEligible(), now));
    }

    /**
     * Moves the counter forward and notes the use. Conditional on the counter read before verifying, so two
     * assertions racing with one counter value cannot both pass (Web Authentication §7.2 step 21).
     */
    @Transactional
    public boolean used(WebAuthnCredential credential, long signCount, Instant now) {
        return em.createQuery("UPDATE WebAuthnCredential c SET c.signCount = :n, c.lastUsedAt = :now WHERE c.id = :id AND c.signCount = :old")
                .setParameter("n", signCount).setParameter("now", now).setParameter("id", credential.id())
                .setParameter("old", credential.signCount()).executeUpdate() == 1;
    }

    /**
     * The WebAuthn user handle of a person (§14.6.1: not personally identifying, at most 64 bytes): a hash of the
     * subject, so a passwordless assertion's handle can be checked against the credential's owner.
     */
    static String userHandle(String subject) {
        return Secrets.sha256Hex("webauthn-user:" + subject).substring(0, 43);
    }

    static String rowId(String credentialId) {
        return Secrets.sha256Hex(credentialId);
    }

    static String clean(String name) {
        String trimmed = name == null ? "" : name.strip().replaceAll("\\p{Cntrl}", "");
        return trimmed.length() > NAME_LENGTH ? trimmed.substring(0, NAME_LENGTH) : trimmed;
    }
}
