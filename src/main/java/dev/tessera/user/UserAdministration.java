package dev.tessera.user;

import dev.tessera.oauth.OAuthError;
import dev.tessera.persistence.ColumnFit;
import dev.tessera.oauth.OAuthException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Creating, changing and removing local users, for the admin API. Each change is one transaction. Changes
 * that must end what was issued to a person fire {@link UserPasswordChanged}, {@link UserDisabled} and
 * {@link UserDeleted}, which the token code observes. A username is unique whatever its case; the
 * database's unique index settles a race between two nodes, answered as 409 {@code conflict}.
 */
@ApplicationScoped
public class UserAdministration {
    @Inject
    UserRepository repository;

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordPolicy policy;

    @Inject
    Event<Object> events;

    @Inject
    Clock clock;

    /** @param password null for an account that cannot log in with a password until one is set */
    @Transactional
    public User create(UserProfile profile, boolean enabled, String password) {
        String hash = password == null ? null : hashChecked(password);
        refuseTakenUsername(profile.username(), null);
        // OpenID Connect Core §2: sub is "locally unique and never reassigned"; 122 random bits are never drawn twice.
        User user = new User(UUID.randomUUID().toString(), profile, clock.instant());
        user.enabled(enabled, clock.instant());
        if (hash != null) {
            user.password(hash, clock.instant());
        }
        requireFit(user);
        try {
            repository.persist(user);
        } catch (PersistenceException e) {
            throw conflict(profile.username());
        }
        return user;
    }

    /** Replaces the profile; {@code enabled} changes only when not null. */
    @Transactional
    public User update(String subject, UserProfile profile, Boolean enabled) {
        User user = existing(subject);
        refuseTakenUsername(profile.username(), subject);
        user.profile(profile, clock.instant());
        requireFit(user);
        try {
            repository.flush();
        } catch (PersistenceException e) {
            throw conflict(profile.username());
        }
        if (enabled != null) {
            enable(user, enabled);
        }
        return user;
    }

    @Transactional
    public User setEnabled(String subject, boolean enabled) {
        User user = existing(subject);
        enable(user, enabled);
        return user;
    }

    @Transactional
    public void setPassword(String subject, String password) {
        String hash = hashChecked(password);
        existing(subject).password(hash, clock.instant());
        events.fire(new UserPasswordChanged(subject));
    }

    @Transactional
    public void delete(String subject) {
        repository.remove(existing(subject));
        events.fire(new UserDeleted(subject));
    }

    public Optional<User> find(String subject) {
        return repository.find(subject);
    }

    public List<User> search(String text, int offset, int limit) {
        return repository.search(text, offset, limit);
    }

    private void enable(User user, boolean enabled) {
        boolean wasEnabled = user.enabled();
        user.enabled(enabled, clock.instant());
        if (wasEnabled && !enabled) {
            events.fire(new UserDisabled(user.subject()));
        }
    }

    private String hashChecked(String password) {
        policy.check(password);
        return hasher.hash(password);
    }

    private void refuseTakenUsername(String username, String exceptSubject) {
        repository.findByUsername(Usernames.normalize(username))
                .filter(other -> !other.subject().equals(exceptSubject))
                .ifPresent(other -> { throw conflict(username); });
    }

    private User existing(String subject) {
        return repository.find(subject).orElseThrow(() -> new OAuthException(OAuthError.NOT_FOUND, "No user " + subject));
    }

    /** Issue 18 point 1: what the columns cannot hold is the request's fault, named, never a failed write and a 500. */
    private static void requireFit(User user) {
        List<String> unfit = ColumnFit.violations(user);
        if (!unfit.isEmpty()) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, String.join("; ", unfit));
        }
    }

    private static OAuthException conflict(String username) {
        return new OAuthException(OAuthError.CONFLICT, "username is already taken: " + username);
    }
}
