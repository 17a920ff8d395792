package dev.tessera.mfa;

import dev.tessera.oauth.AcrValues;
import dev.tessera.oauth.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Ten single-use recovery codes per person, shown once when made and kept only as SHA-256 hashes. A fast hash is
 * enough here, unlike for passwords: each code is 60 random bits from the CSPRNG (12 characters of a 32-letter
 * alphabet), so even a leaked table leaves 2^60 guesses per code, and online guesses meet the second-factor
 * throttle first. Using a code is one conditional UPDATE ({@code used_at IS NULL}), so a code works once across
 * nodes; the person is told at their next sign-in ({@link #noticeDue}).
 */
@ApplicationScoped
public class RecoveryCodes implements SecondFactor {
    public static final String TYPE = "recovery_code";
    public static final int COUNT = 10;
    static final int LENGTH = 12;
    /** Crockford's base32 letters: no I, L, O or U to misread. */
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    @PersistenceContext(unitName = "tessera")
    EntityManager em;

    @Inject
    Clock clock;

    private final SecureRandom random = new SecureRandom();

    @Override
    public String type() { return TYPE; }

    /** RFC 8176 has no name for a look-up secret; a recovery code is a one-time password in the literal sense. */
    @Override
    public List<String> amr() { return List.of(AcrValues.AMR_OTP); }

    @Override
    public boolean primary() { return false; }

    @Override
    public boolean accepts(String input) {
        return normalize(input).length() == LENGTH;
    }

    /** Replaces the person's codes with ten new ones, returned once in the form shown (xxxx-xxxx-xxxx). */
    @Transactional
    public List<String> generate(String subject) {
        em.createQuery("DELETE FROM RecoveryCode r WHERE r.subject = :s").setParameter("s", subject).executeUpdate();
        List<String> codes = new ArrayList<>();
        Instant now = clock.instant();
        for (int i = 0; i < COUNT; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < LENGTH; c++) {
                code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            em.persist(new RecoveryCode(hash(subject, code.toString()), subject, now));
            codes.add(code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8));
        }
        return codes;
    }

    @Override
    @Transactional
    public boolean verify(String subject, String input) {
        return accepts(input) && em.createQuery("UPDATE RecoveryCode r SET r.usedAt = :now WHERE r.codeHash = :h "
                + "AND r.subject = :s AND r.usedAt IS NULL").setParameter("now", clock.instant())
                .setParameter("h", hash(subject, normalize(input))).setParameter("s", subject).executeUpdate() == 1;
    }

    @Override
    public List<EnrolledFactor> enrolled(String subject) {
        List<RecoveryCode> codes = em.createQuery("SELECT r FROM RecoveryCode r WHERE r.subject = :s", RecoveryCode.class)
                .setParameter("s", subject).getResultList();
        if (codes.isEmpty()) {
            return List.of();
        }
        Instant lastUsed = codes.stream().map(RecoveryCode::usedAt).filter(u -> u != null).max(Instant::compareTo).orElse(null);
        int unused = (int) codes.stream().filter(c -> c.usedAt() == null).count();
        return List.of(new EnrolledFactor(TYPE, TYPE, codes.get(0).createdAt(), lastUsed, unused));
    }

    @Override
    @Transactional
    public int remove(String subject, String id) {
        if (id != null && !id.equals(TYPE)) {
            return 0;
        }
        return em.createQuery("DELETE FROM RecoveryCode r WHERE r.subject = :s").setParameter("s", subject).executeUpdate();
    }

    /** When a code was used before {@code before} and the person has not been told yet: the latest such time, or null. */
    public Instant noticeDue(String subject, Instant before) {
        return em.createQuery("SELECT r FROM RecoveryCode r WHERE r.subject = :s AND r.usedAt IS NOT NULL AND r.noticeShown = false",
                RecoveryCode.class).setParameter("s", subject).getResultStream().map(RecoveryCode::usedAt)
                .filter(used -> used.isBefore(before)).max(Instant::compareTo).orElse(null);
    }

    /** The person has seen the notice of every code used so far. */
    @Transactional
    public void noticeShown(String subject) {
        em.createQuery("UPDATE RecoveryCode r SET r.noticeShown = true WHERE r.subject = :s AND r.usedAt IS NOT NULL")
                .setParameter("s", subject).executeUpdate();
    }

    static String normalize(String input) {
        return input == null ? "" : input.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
    }

    private static String hash(String subject, String normalizedCode) {
        return Secrets.sha256Hex("recovery:" + subject + ":" + normalizedCode);
    }
}
