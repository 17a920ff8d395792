package dev.tessera.user;

import java.util.List;

/**
 * What an administrator says about a person: the login name, the OpenID Connect Core §5.1 claims and the
 * groups. No credentials and no account state; string members are null when absent.
 *
 * @param address null when no member of it is known
 */
public record UserProfile(String username, String name, String givenName, String familyName, String middleName,
        String nickname, String profile, String picture, String website, String email, boolean emailVerified,
        String gender, String birthdate, String zoneinfo, String locale, String phoneNumber,
        boolean phoneNumberVerified, PostalAddress address, List<String> groups) {
    public UserProfile {
        groups = groups == null ? List.of() : List.copyOf(groups);
        if (address != null && address.isEmpty()) {
            address = null;
        }
    }
}
