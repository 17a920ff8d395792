package dev.tessera.user;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Failure counters in a map, with the same create-then-change semantics as the database. */
final class InMemoryLoginFailures extends LoginFailures {
    final Map<String, LoginFailure> rows = new HashMap<>();
    /** Deletes asked for, each a statement and a transaction in the database. */
    int clears;

    @Override
    public Optional<LoginFailure> find(String keyHash) {
        return Optional.ofNullable(rows.get(keyHash));
    }

    @Override
    public void update(String keyHash, Instant now, Consumer<LoginFailure> change) {
        change.accept(rows.computeIfAbsent(keyHash, k -> new LoginFailure(k, now)));
    }

    @Override
    public void clear(String keyHash) {
        clears++;
        rows.remove(keyHash);
    }

    @Override
    public void clearPrefix(String prefix) {
        rows.keySet().removeIf(k -> k.startsWith(prefix));
    }
}
