package dev.tessera.token.grant;

import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.trust.SubjectMapping;
import dev.tessera.trust.TrustedIssuer;
import dev.tessera.user.UserAccount;
import dev.tessera.user.UserDirectory;
import dev.tessera.user.UserStore;
import dev.tessera.user.UserStores;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * What a trusted issuer's {@code sub} becomes here, by the issuer's {@link SubjectMapping}: a local
 * user, found by subject or else by username and enabled; or a service identity taken as it is, but never
 * one that names a local user, so an issuer trusted for services cannot speak for a person.
 */
@ApplicationScoped
public class AssertionSubjects {
    static final String NO_USER = "The assertion's subject is not an active user";

    @Inject
    UserDirectory users;

    @Inject
    UserStores stores;

    /** @return the {@code sub} of the tokens to issue */
    public String map(TrustedIssuer issuer, String sub) {
        Optional<UserAccount> local = users.findBySubject(sub);
        if (issuer.subjectMapping() == SubjectMapping.SERVICE) {
            if (local.isPresent()) {
                throw new OAuthException(OAuthError.INVALID_GRANT, "The assertion's subject names a local user",
                        "issuer " + issuer.id() + " maps subjects as services, but " + sub + " is a user");
            }
            return sub;
        }
        return local.or(() -> byUsername(sub)).filter(UserAccount::enabled).map(UserAccount::subject)
                .orElseThrow(() -> new OAuthException(OAuthError.INVALID_GRANT, NO_USER, "no enabled user " + sub));
    }

    private Optional<UserAccount> byUsername(String username) {
        // The first store that knows the username decides, as at login.
        for (UserStore store : stores.ordered()) {
            Optional<UserAccount> account = store.findByUsername(username);
            if (account.isPresent()) {
                return account;
            }
        }
        return Optional.empty();
    }
}
