package dev.tessera.user;

import dev.tessera.audit.AuditEvent;
import dev.tessera.audit.AuditLog;
import dev.tessera.audit.AuditType;
import dev.tessera.config.ConfigKeys;
import dev.tessera.config.PasswordSettings;
import dev.tessera.oauth.OAuthException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What a person may change about their own local account from the account pages: the profile claims an
 * administrator allows ({@code tessera.account.editable-claims}) and their password, with the current one proven
 * first (through the login throttle, so the page is no way around it). Directory accounts change only their password,
 * in the directory, when {@code tessera.ldap.password-change} is on ({@link DirectoryPasswords}).
 * Every change is audited with the person as actor.
 */
@ApplicationScoped
public class SelfService {
    /** The claims a person may ever edit: names and preferences, never identifiers or verified contact data. */
    public static final List<String> EDITABLE = List.of(StandardClaims.NAME, StandardClaims.GIVEN_NAME, StandardClaims.FAMILY_NAME,
            StandardClaims.MIDDLE_NAME, StandardClaims.NICKNAME, StandardClaims.LOCALE, StandardClaims.ZONEINFO);

    /** Why a password change was refused; each has a text on the page. */
    public enum Refusal { WRONG_CURRENT, THROTTLED, MISMATCH, INVALID, GUESSABLE, DIRECTORY_REFUSED, NOT_ENCRYPTED, UNAVAILABLE }

    @Inject
    UserAdministration admin;

    @Inject
    UserDirectory users;

    @Inject
    PasswordStrength strength;

    @Inject
    PasswordSettings passwords;

    @Inject
    AuditLog audit;

    @Inject
    DirectoryPasswords directory;

    @Inject
    Event<UserPasswordChanged> passwordChanged;

    @Inject
    @ConfigProperty(name = ConfigKeys.ACCOUNT_EDITABLE_CLAIMS)
    String editableSetting;

    /** The person's local account, or empty for a directory account (read-only here). */
    public Optional<User> local(String subject) {
        return admin.find(subject);
    }

    /** The claims of {@link #EDITABLE} that the configuration allows, in that order. */
    public List<String> editable() {
        Set<String> allowed = Arrays.stream(editableSetting.split("[,\\s]+")).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        return EDITABLE.stream().filter(allowed::contains).toList();
    }

    /**
     * Why a profile edit was refused, in terms the page can say in the person's language: the claim (null when none
     * can be named) and whether its value breaks the claim's format or is longer than Tessera stores.
     */
    public record ProfileRefusal(String claim, Kind kind) {
        public enum Kind { FORMAT, TOO_LONG }
    }

    /**
     * Replaces the editable claims of a local account with {@code values} (blank: removed); others stay. The checks
     * are the admin API's; their English descriptions stay in the log, the page gets a {@link ProfileRefusal}.
     *
     * @return the refusal, or empty when the profile was saved
     */
    public Optional<ProfileRefusal> updateProfile(String subject, Map<String, String> values, String address) {
        User user = admin.find(subject).orElseThrow();
        UserProfile p = user.profile();
        List<String> allowed = editable();
        Function<String, String> v = claim -> {
            String value = allowed.contains(claim) ? values.get(claim) : current(p, claim);
            return value == null || value.isBlank() ? null : value.trim();
        };
        UserProfile changed = new UserProfile(p.username(), v.apply(StandardClaims.NAME), v.apply(StandardClaims.GIVEN_NAME),
                v.apply(StandardClaims.FAMILY_NAME), v.apply(StandardClaims.MIDDLE_NAME), v.apply(StandardClaims.NICKNAME),
                p.profile(), p.picture(), p.website(), p.email(), p.emailVerified(), p.gender(), p.birthdate(),
                v.apply(StandardClaims.ZONEINFO), v.apply(StandardClaims.LOCALE), p.phoneNumber(), p.phoneNumberVerified(),
                p.address(), p.groups());
        Optional<UserProfileRules.Broken> broken = UserProfileRules.broken(changed);
        if (broken.isPresent()) {
            return Optional.of(new ProfileRefusal(broken.get().claim(), ProfileRefusal.Kind.FORMAT));
        }
        try {
            admin.update(subject, changed, null);
        } catch (OAuthException e) { // a value longer than its column: the violation names the column, i.e. the claim
            List<String> sentences = List.of(e.description().split("; "));
            String claim = allowed.stream().filter(c -> sentences.stream().anyMatch(t -> t.startsWith(c + " "))).findFirst().orElse(null);
            return Optional.of(new ProfileRefusal(claim, ProfileRefusal.Kind.TOO_LONG));
        }
        audit.record(AuditEvent.now(AuditType.ACCOUNT_PROFILE_CHANGED, subject, subject, null, address,
                Map.of("claims", String.join(" ", allowed))));
        return Optional.empty();
    }

    /** @return the refusal, or empty when the password was changed (which ends the person's other sessions) */
    public Optional<Refusal> changePassword(User user, String current, String next, String again, String address, String deviceCookie) {
        LoginResult check = users.authenticate(user.username(), current == null ? "" : current, address, deviceCookie);
        if (check instanceof LoginResult.Failure f) {
            return Optional.of(f.reason() == LoginResult.Reason.THROTTLED ? Refusal.THROTTLED : Refusal.WRONG_CURRENT);
        }
        if (next == null || !next.equals(again)) {
            return Optional.of(Refusal.MISMATCH);
        }
        UserProfile p = user.profile();
        if (strength.guessable(next, List.of(p.username(), String.valueOf(p.name()), String.valueOf(p.email())))) {
            return Optional.of(Refusal.GUESSABLE);
        }
        try {
            admin.setPassword(user.subject(), next);
        } catch (OAuthException e) {
            return Optional.of(Refusal.INVALID);
        }
        audit.record(AuditEvent.now(AuditType.ACCOUNT_PASSWORD_CHANGED, user.subject(), user.subject(), null, address, Map.of()));
        return Optional.empty();
    }

    /** Whether a directory person may change their password here ({@code tessera.ldap.password-change}). */
    public boolean directoryPasswordChange() {
        return directory.enabled();
    }

    /**
     * A directory person's password change: the current password proven through the login throttle as on the local
     * form, the new one typed twice and not guessable, then the change made in the directory bound as the person,
     * whose password policy decides the rest. A change ends the person's sessions as a local one does.
     *
     * @return the refusal, or empty when the directory changed the password
     */
    public Optional<Refusal> changeDirectoryPassword(UserAccount person, String current, String next, String again, String address,
            String deviceCookie) {
        LoginResult check = users.authenticate(person.username(), current == null ? "" : current, address, deviceCookie);
        if (check instanceof LoginResult.Failure f) {
            return Optional.of(f.reason() == LoginResult.Reason.THROTTLED ? Refusal.THROTTLED
                    : f.reason() == LoginResult.Reason.UNAVAILABLE ? Refusal.UNAVAILABLE : Refusal.WRONG_CURRENT);
        }
        if (!((LoginResult.Success) check).user().subject().equals(person.subject())) {
            return Optional.of(Refusal.WRONG_CURRENT);
        }
        if (next == null || next.isEmpty() || !next.equals(again)) {
            return Optional.of(Refusal.MISMATCH);
        }
        if (strength.guessable(next, List.of(person.username(), String.valueOf(person.claims().get(StandardClaims.NAME)),
                String.valueOf(person.claims().get(StandardClaims.EMAIL))))) {
            return Optional.of(Refusal.GUESSABLE);
        }
        Optional<Refusal> refusal = switch (directory.change(person.subject(), current, next)) {
            case CHANGED -> Optional.empty();
            case WRONG_CURRENT -> Optional.of(Refusal.WRONG_CURRENT);
            case NOT_ENCRYPTED -> Optional.of(Refusal.NOT_ENCRYPTED);
            case UNAVAILABLE -> Optional.of(Refusal.UNAVAILABLE);
            case REFUSED -> Optional.of(Refusal.DIRECTORY_REFUSED);
        };
        if (refusal.isEmpty()) {
            audit.record(AuditEvent.now(AuditType.ACCOUNT_PASSWORD_CHANGED, person.subject(), person.subject(), null, address,
                    Map.of("store", "directory")));
            passwordChanged.fire(new UserPasswordChanged(person.subject()));
        }
        return refusal;
    }

    public int minPasswordLength() {
        return passwords.minLength();
    }

    private static String current(UserProfile p, String claim) {
        return switch (claim) {
            case StandardClaims.NAME -> p.name();
            case StandardClaims.GIVEN_NAME -> p.givenName();
            case StandardClaims.FAMILY_NAME -> p.familyName();
            case StandardClaims.MIDDLE_NAME -> p.middleName();
            case StandardClaims.NICKNAME -> p.nickname();
            case StandardClaims.LOCALE -> p.locale();
            case StandardClaims.ZONEINFO -> p.zoneinfo();
            default -> throw new IllegalArgumentException(claim);
        };
    }
}
