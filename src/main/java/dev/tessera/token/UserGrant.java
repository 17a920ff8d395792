package dev.tessera.token;

import dev.tessera.session.Authentication;
import dev.tessera.session.SignIn;
import java.util.List;
import java.util.Set;

/**
 * What a person granted a client, as it travels from the authorization (a code, a device code, a password
 * or exchange request) through every refresh to each token: one value instead of ten positional ones, so no
 * fact can land in another's place.
 *
 * @param grantId   names the grant; shared by the artifact it came from and every refresh token of the
 *                  family, so a replay can revoke them all
 * @param signIn    who granted it and how they authenticated; null only while a device code still waits
 *                  for its person (RFC 8628 §3.3)
 * @param resources the resource indicators granted (RFC 8707)
 * @param claims    the OpenID Connect {@code claims} request (Core §5.5) as JSON; null when none was made
 */
public record UserGrant(String grantId, String clientId, SignIn signIn, Set<String> scope, List<String> resources,
        String claims) {

    /** What a client asked for before anyone signed in: a device code's grant until its person decides. */
    public static UserGrant requested(String grantId, String clientId, Set<String> scope, List<String> resources) {
        return new UserGrant(grantId, clientId, null, scope, resources, null);
    }

    public String subject() {
        return signIn.subject();
    }

    public Authentication authentication() {
        return signIn.authentication();
    }

    /** RFC 6749 §6: a refresh may ask for less than was granted, never more (checked by the caller). */
    public UserGrant narrowedTo(Set<String> narrower) {
        return new UserGrant(grantId, clientId, signIn, narrower, resources, claims);
    }
}
