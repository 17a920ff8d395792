package dev.tessera.user;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A local {@link User} as the {@link UserAccount} the rest of Tessera sees: claims under their OpenID
 * Connect Core §5.1 names, only those with a value (§5.3.2: "If a Claim is not returned, that Claim
 * Name SHOULD be omitted from the JSON object ... rather than being present with a null or empty string
 * value").
 */
public final class UserClaims {
    private UserClaims() {
    }

    public static UserAccount account(User user) {
        return new UserAccount(user.subject(), user.username(), user.enabled(), claims(user), user.profile().groups());
    }

    static Map<String, Object> claims(User user) {
        UserProfile p = user.profile();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(StandardClaims.PREFERRED_USERNAME, p.username());
        put(claims, StandardClaims.NAME, p.name());
        put(claims, StandardClaims.GIVEN_NAME, p.givenName());
        put(claims, StandardClaims.FAMILY_NAME, p.familyName());
        put(claims, StandardClaims.MIDDLE_NAME, p.middleName());
        put(claims, StandardClaims.NICKNAME, p.nickname());
        put(claims, StandardClaims.PROFILE, p.profile());
        put(claims, StandardClaims.PICTURE, p.picture());
        put(claims, StandardClaims.WEBSITE, p.website());
        if (p.email() != null) {
            claims.put(StandardClaims.EMAIL, p.email());
            // §5.1: email_verified is a JSON boolean; it says something only about an email that is there.
            claims.put(StandardClaims.EMAIL_VERIFIED, p.emailVerified());
        }
        put(claims, StandardClaims.GENDER, p.gender());
        put(claims, StandardClaims.BIRTHDATE, p.birthdate());
        put(claims, StandardClaims.ZONEINFO, p.zoneinfo());
        put(claims, StandardClaims.LOCALE, p.locale());
        if (p.phoneNumber() != null) {
            claims.put(StandardClaims.PHONE_NUMBER, p.phoneNumber());
            claims.put(StandardClaims.PHONE_NUMBER_VERIFIED, p.phoneNumberVerified());
        }
        if (p.address() != null) {
            // §5.1.1: address is a JSON object of its members.
            claims.put(StandardClaims.ADDRESS, Collections.unmodifiableMap(p.address().members()));
        }
        // §5.1: updated_at is "the number of seconds from 1970-01-01T00:00:00Z".
        claims.put(StandardClaims.UPDATED_AT, user.updatedAt().getEpochSecond());
        return claims;
    }

    private static void put(Map<String, Object> claims, String name, String value) {
        if (value != null) {
            claims.put(name, value);
        }
    }
}
