package dev.tessera.user;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The user table in a map; the unique username index is enforced on persist and flush as the database does. */
final class InMemoryUsers extends UserRepository {
    final Map<String, User> rows = new LinkedHashMap<>();
    int rehashes;

    @Override
    public Optional<User> find(String subject) {
        return Optional.ofNullable(rows.get(subject));
    }

    @Override
    public Optional<User> findByUsername(String normalized) {
        return rows.values().stream().filter(u -> u.usernameNormalized().equals(normalized)).findFirst();
    }

    @Override
    public List<User> search(String text, int offset, int limit) {
        String needle = text == null ? "" : Usernames.normalize(text);
        List<User> found = rows.values().stream()
                .filter(u -> u.usernameNormalized().contains(needle) || (u.profile().email() != null
                        && u.profile().email().toLowerCase(java.util.Locale.ROOT).contains(needle)))
                .sorted(java.util.Comparator.comparing(User::usernameNormalized)).toList();
        return new ArrayList<>(found).subList(Math.min(offset, found.size()), Math.min(found.size(), offset + limit));
    }

    @Override
    public void persist(User user) {
        rows.put(user.subject(), user);
        flush();
    }

    @Override
    public void flush() {
        if (rows.values().stream().map(User::usernameNormalized).distinct().count() != rows.size()) {
            throw new jakarta.persistence.PersistenceException("unique index ux_user_account_username");
        }
    }

    @Override
    public void remove(User user) {
        rows.remove(user.subject());
    }

    @Override
    public boolean replacePasswordHash(String subject, String expected, String replacement) {
        User user = rows.get(subject);
        if (user == null || !expected.equals(user.passwordHash())) {
            return false;
        }
        rehashes++;
        user.rehashed(replacement);
        return true;
    }
}
