package dev.tessera.mfa;

import dev.tessera.config.Issuer;
import dev.tessera.keys.KeyEncryptor;
import dev.tessera.oauth.AcrValues;
import dev.tessera.oauth.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Authenticator apps (RFC 6238): enrolment (a 160-bit secret from the CSPRNG, RFC 4226 §4 R6, shown once as an
 * {@code otpauth://} URI and as base32 text, stored encrypted), confirmation by a first valid code, and the check
 * at sign-in. A code is accepted only for a time step after the last one accepted: one conditional UPDATE decides,
 * so a code replayed at once, on this node or another, finds the step taken (RFC 6238 §5.2).
 */
@ApplicationScoped
public class TotpCredentials implements SecondFactor {
    public static final String TYPE = "totp";
    static final int SECRET_BYTES = 20;
    /** Bound into each secret's encryption with the row id, so a ciphertext moved to another row fails. */
    static final String AAD = "totp:";

    @PersistenceContext(unitName = "tessera")
    EntityManager em;

    @Inject
    KeyEncryptor encryptor;

    @Inject
    Issuer issuer;

    @Inject
    Clock clock;

    private final SecureRandom random = new SecureRandom();
    private final Totp totp = new Totp();

    /** An enrolment waiting for its first code: the id to confirm, the secret as text and as an otpauth URI. */
    public record Enrolment(String id, String secret, String uri) {
    }

    @Override
    public String type() { return TYPE; }

    @Override
    public List<String> amr() { return List.of(AcrValues.AMR_OTP); }

    @Override
    public boolean primary() { return true; }

    @Override
    public boolean accepts(String input) {
        String code = input == null ? "" : input.replace(" ", "");
        return code.length() == Totp.DIGITS && code.chars().allMatch(Character::isDigit);
    }

    /** Starts an enrolment, replacing any earlier one the person did not confirm. */
    @Transactional
    public Enrolment begin(String subject, String accountName) {
        em.createQuery("DELETE FROM TotpCredential t WHERE t.subject = :s AND t.confirmed = false").setParameter("s", subject).executeUpdate();
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        String id = Secrets.random(16);
        String text = Base32.encode(secret);
        em.persist(new TotpCredential(id, subject, encryptor.encrypt(AAD + id, text), clock.instant()));
        return new Enrolment(id, text, uri(text, accountName));
    }

    /** The person's unconfirmed enrolment again (to show it once more after a mistyped first code). */
    public Optional<Enrolment> reopen(String subject, String id, String accountName) {
        TotpCredential credential = id == null || id.length() > 64 ? null : em.find(TotpCredential.class, id);
        if (credential == null || !credential.subject().equals(subject) || credential.confirmed()) {
            return Optional.empty();
        }
        String text = encryptor.decrypt(AAD + id, credential.sealedSecret());
        return Optional.of(new Enrolment(id, text, uri(text, accountName)));
    }

    /** Confirms the person's unconfirmed enrolment with its first code; false when the code is not valid. */
    @Transactional
    public boolean confirm(String subject, String id, String code) {
        TotpCredential credential = id == null ? null : em.find(TotpCredential.class, id);
        if (credential == null || !credential.subject().equals(subject) || credential.confirmed()) {
            return false;
        }
        OptionalLong step = totp.matchingStep(secret(credential), code, clock.instant());
        if (step.isEmpty()) {
            return false;
        }
        return em.createQuery("UPDATE TotpCredential t SET t.confirmed = true, t.lastStep = :step, t.lastUsedAt = :now "
                + "WHERE t.id = :id AND t.confirmed = false").setParameter("step", step.getAsLong())
                .setParameter("now", clock.instant()).setParameter("id", id).executeUpdate() == 1;
    }

    @Override
    @Transactional
    public boolean verify(String subject, String code) {
        Instant now = clock.instant();
        for (TotpCredential credential : confirmed(subject)) {
            OptionalLong step = totp.matchingStep(secret(credential), code, now);
            if (step.isPresent()) {
                // The database decides: only a step after the last accepted one moves the row.
                return em.createQuery("UPDATE TotpCredential t SET t.lastStep = :step, t.lastUsedAt = :now WHERE t.id = :id "
                        + "AND (t.lastStep IS NULL OR t.lastStep < :step)").setParameter("step", step.getAsLong())
                        .setParameter("now", now).setParameter("id", credential.id()).executeUpdate() == 1;
            }
        }
        return false;
    }

    @Override
    public List<EnrolledFactor> enrolled(String subject) {
        return confirmed(subject).stream().map(t -> new EnrolledFactor(t.id(), TYPE, t.createdAt(), t.lastUsedAt(), 0)).toList();
    }

    @Override
    @Transactional
    public int remove(String subject, String id) {
        if (id == null) {
            return em.createQuery("DELETE FROM TotpCredential t WHERE t.subject = :s").setParameter("s", subject).executeUpdate();
        }
        return em.createQuery("DELETE FROM TotpCredential t WHERE t.subject = :s AND t.id = :id").setParameter("s", subject)
                .setParameter("id", id).executeUpdate();
    }

    private List<TotpCredential> confirmed(String subject) {
        return em.createQuery("SELECT t FROM TotpCredential t WHERE t.subject = :s AND t.confirmed = true ORDER BY t.createdAt",
                TotpCredential.class).setParameter("s", subject).getResultList();
    }

    private byte[] secret(TotpCredential credential) {
        return Base32.decode(encryptor.decrypt(AAD + credential.id(), credential.sealedSecret()));
    }

    /** The Key Uri Format authenticator apps read: {@code otpauth://totp/Issuer:account?secret=...&issuer=...}. */
    String uri(String secret, String accountName) {
        String label = URI.create(issuer.url()).getHost();
        return "otpauth://totp/" + encode(label) + ":" + encode(accountName) + "?secret=" + secret + "&issuer=" + encode(label)
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP.toSeconds();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
