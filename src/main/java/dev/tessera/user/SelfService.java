package dev.tessera.user;

import dev.tessera.audit.AuditEvent;
import dev.tessera.audit.AuditLog;
import dev.tessera.audit.AuditType;
import dev.tessera.config.ConfigKeys;
import dev.tessera.config.PasswordSettings;
import dev.tessera.oauth.OAuthException;
import jakarta.enterprise.context.ApplicationScoped;
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
 * first (through the login throttle, so the page is no way around it). Directory accounts change nowhere here.
 * Every change is audited with the person as actor.
 */
@ApplicationScoped
public class SelfService {
    /** The claims a person may ever edit: names and preferences, never identifiers or verified contact data. */
    public static final List<String> EDITABLE = List.of(StandardClaims.NAME, StandardClaims.GIVEN_NAME, StandardClaims.FAMILY_NAME,
            StandardClaims.MIDDLE_NAME, StandardClaims.NICKNAME, StandardClaims.LOCALE, StandardClaims.ZONEINFO);

    /** Why a password change was refused; each has a text on the page. */
    public enum Refusal { WRONG_CURRENT, THROTTLED, MISMATCH, INVALID, GUESSABLE }

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
     * Replaces the editable claims of a local account with {@code values} (blank: removed); others stay.
     *
     * @throws OAuthException invalid_request when a value breaks the claim's format or does not fit
     */
    public User updateProfile(String subject, Map<String, String> values, String address) {
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
        UserProfileRules.check(changed);
        User updated = admin.update(subject, changed, null);
        audit.record(AuditEvent.now(AuditType.ACCOUNT_PROFILE_CHANGED, subject, subject, null, address,
                Map.of("claims", String.join(" ", allowed))));
        return updated;
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
