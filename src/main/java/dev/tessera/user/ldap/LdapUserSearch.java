package dev.tessera.user.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import dev.tessera.user.UserAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Read-only listing of directory users for administrators, a page at a time with the simple paged results
 * control (RFC 2696), so a directory of 100,000 people is never read whole. The search text is a prefix of
 * the login name (escaped, RFC 4515 §3, then one "*"). Groups are not resolved for a listing: they would cost
 * a search per person.
 */
@ApplicationScoped
public class LdapUserSearch {
    public static final int MAX_PAGE_SIZE = 500;

    /** @param cookie where the next page starts (base64url), empty on the last page */
    public record Page(List<UserAccount> users, Optional<String> cookie) {
    }

    @Inject
    LdapSettings settings;

    @Inject
    LdapDirectory directory;

    @Inject
    Clock clock;

    public LdapUserSearch() {
    }

    public LdapUserSearch(LdapSettings settings, LdapDirectory directory, Clock clock) {
        this.settings = settings;
        this.directory = directory;
        this.clock = clock;
    }

    public Page search(String prefix, int pageSize, String cookie) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page-size must be between 1 and " + MAX_PAGE_SIZE);
        }
        ASN1OctetString resume = cookie == null || cookie.isEmpty() ? new ASN1OctetString() : new ASN1OctetString(decode(cookie));
        LdapAccounts accounts = new LdapAccounts(settings);
        SearchResult result = directory.page(settings.userBaseDn(), LdapFilters.prefix(settings.userFilter(), prefix == null ? "" : prefix),
                accounts.attributes(List.of()), new SimplePagedResultsControl(pageSize, resume, true));
        List<UserAccount> users = new ArrayList<>();
        for (SearchResultEntry entry : result.getSearchEntries()) {
            accounts.subject(entry).ifPresent(s -> users.add(accounts.account(entry, s, null, List.of(), clock.instant())));
        }
        return new Page(users, next(result));
    }

    private static Optional<String> next(SearchResult result) {
        try {
            SimplePagedResultsControl control = SimplePagedResultsControl.get(result);
            if (control == null || control.getCookie().getValueLength() == 0) {
                return Optional.empty();
            }
            return Optional.of(Base64.getUrlEncoder().withoutPadding().encodeToString(control.getCookie().getValue()));
        } catch (LDAPException e) {
            throw new LdapUnavailableException("The directory answered a malformed paged-results control", e);
        }
    }

    private static byte[] decode(String cookie) {
        try {
            return Base64.getUrlDecoder().decode(cookie);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cookie is not a cookie this server handed out", e);
        }
    }
}
