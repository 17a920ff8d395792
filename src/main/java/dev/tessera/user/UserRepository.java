package dev.tessera.user;

import dev.tessera.persistence.StorableText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The only reader and writer of the user_account table. */
@ApplicationScoped
public class UserRepository {
    /** LIKE escape character: not the backslash, which MariaDB also treats as a string-literal escape. */
    private static final char ESCAPE = '!';

    @PersistenceContext(unitName = "tessera")
    EntityManager em;

    /** Look-ups by text a caller sent find nothing for what no user can have ({@link StorableText}). */
    public Optional<User> find(String subject) {
        if (!StorableText.storable(subject)) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(User.class, subject));
    }

    /** @param normalized a username already passed through {@link Usernames#normalize} */
    public Optional<User> findByUsername(String normalized) {
        if (!StorableText.storable(normalized)) {
            return Optional.empty();
        }
        return em.createQuery("SELECT u FROM User u WHERE u.usernameNormalized = :n", User.class)
                .setParameter("n", normalized).getResultStream().findFirst();
    }

    /**
     * Users whose username, email, name, given or family name contains {@code text} (any case), ordered by
     * username; all users when {@code text} is null or blank.
     */
    public List<User> search(String text, int offset, int limit) {
        if (text == null || text.isBlank()) {
            return em.createQuery("SELECT u FROM User u ORDER BY u.usernameNormalized", User.class)
                    .setFirstResult(offset).setMaxResults(limit).getResultList();
        }
        if (!StorableText.storable(text)) {
            return List.of();
        }
        String like = "LIKE :p ESCAPE '" + ESCAPE + "'";
        return em.createQuery("SELECT u FROM User u WHERE u.usernameNormalized " + like + " OR LOWER(u.email) " + like
                        + " OR LOWER(u.name) " + like + " OR LOWER(u.givenName) " + like + " OR LOWER(u.familyName) " + like
                        + " ORDER BY u.usernameNormalized", User.class)
                .setParameter("p", "%" + escape(Usernames.normalize(text)) + "%")
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /** Inserts and flushes at once, so a duplicate username fails here and not at commit. */
    public void persist(User user) {
        em.persist(user);
        em.flush();
    }

    /** Flushes pending changes, so a unique-index violation surfaces inside the caller's method. */
    public void flush() {
        em.flush();
    }

    public void remove(User user) {
        em.remove(em.contains(user) ? user : em.merge(user));
    }

    /**
     * Swaps a password hash for a stronger one of the same password, unless the password was changed in the
     * meantime (then the newer password wins).
     */
    @Transactional
    public boolean replacePasswordHash(String subject, String expected, String replacement) {
        return em.createQuery("UPDATE User u SET u.passwordHash = :replacement WHERE u.subject = :s AND u.passwordHash = :expected")
                .setParameter("replacement", replacement).setParameter("s", subject).setParameter("expected", expected)
                .executeUpdate() == 1;
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == ESCAPE || c == '%' || c == '_') {
                out.append(ESCAPE);
            }
            out.append(c);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
