package dev.tessera.user.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import dev.tessera.user.StandardClaims;
import dev.tessera.user.UserAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Read-only listing of directory users for administrators, a page at a time with the simple paged results
 * control (RFC 2696), so a directory of 100,000 people is never read whole. The search text matches a prefix of
 * the login name, the name or the email (the attributes {@code tessera.ldap.claims} maps to preferred_username,
 * name and email), on the directory's side: escaped (RFC 4515 §3, so "*" is a literal star), then one "*". A
 * text shorter than {@code tessera.ldap.search-min-length} is refused, and the directory's time and
 * administrative limits end a search that would need an unindexed scan with a 400 saying so. Cookies are
 * Tessera's own ({@link LdapPagingCookies}). Groups are not resolved for a listing: they would cost a search per
 * person.
 */
@ApplicationScoped
public class LdapUserSearch {
    public static final int MAX_PAGE_SIZE = 500;

    /** @param cookie where the next page starts, empty on the last page */
    public record Page(List<UserAccount> users, Optional<String> cookie) {
    }

    @Inject
    LdapSettings settings;

    @Inject
    LdapTuning tuning;

    @Inject
    LdapDirectory directory;

    @Inject
    LdapPagingCookies cookies;

    @Inject
    Clock clock;

    public LdapUserSearch() {
    }

    public LdapUserSearch(LdapSettings settings, LdapTuning tuning, LdapDirectory directory, LdapPagingCookies cookies, Clock clock) {
        this.settings = settings;
        this.tuning = tuning;
        this.directory = directory;
        this.cookies = cookies;
        this.clock = clock;
    }

    public Page search(String prefix, int pageSize, String cookie) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new LdapListingRefused("page-size must be between 1 and " + MAX_PAGE_SIZE);
        }
        String text = prefix == null ? "" : prefix.strip();
        if (!text.isEmpty() && text.length() < tuning.searchMinLength()) {
            throw new LdapListingRefused("search must be at least " + tuning.searchMinLength() + " characters (tessera.ldap.search-min-length): "
                    + "a shorter prefix would make the directory read most entries; leave it empty to page through everyone");
        }
        Filter filter = LdapFilters.startsWith(settings.userFilter(), searchedAttributes(), text);
        String search = filter.toNormalizedString() + "|" + pageSize;
        LdapAccounts accounts = new LdapAccounts(settings);
        LdapDirectory.Listed listed = directory.page(settings.userBaseDn(), filter, accounts.attributes(List.of()), pageSize,
                generation -> cookie == null || cookie.isEmpty() ? new ASN1OctetString()
                        : new ASN1OctetString(cookies.open(cookie, search, generation, clock.instant())));
        List<UserAccount> users = new ArrayList<>();
        for (SearchResultEntry entry : listed.result().getSearchEntries()) {
            accounts.subject(entry).ifPresent(s -> users.add(accounts.account(entry, s, null, List.of(), clock.instant())));
        }
        return new Page(users, next(listed.result()).map(c -> cookies.seal(c, search, listed.generation(), clock.instant())));
    }

    /** The attributes a search text is matched against: those of the username, the name and the email. */
    Set<String> searchedAttributes() {
        Set<String> attributes = new LinkedHashSet<>();
        for (String claim : List.of(StandardClaims.PREFERRED_USERNAME, StandardClaims.NAME, StandardClaims.EMAIL)) {
            String attribute = settings.claims().get(claim);
            if (attribute != null && !attribute.isBlank()) {
                attributes.add(attribute);
            }
        }
        return attributes;
    }

    private static Optional<byte[]> next(SearchResult result) {
        try {
            SimplePagedResultsControl control = SimplePagedResultsControl.get(result);
            if (control == null || control.getCookie().getValueLength() == 0) {
                return Optional.empty();
            }
            return Optional.of(control.getCookie().getValue());
        } catch (LDAPException e) {
            throw new LdapUnavailableException("The directory answered a malformed paged-results control", e);
        }
    }
}
