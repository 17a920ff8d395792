package dev.tessera.user.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.user.UserAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The administrators' listing against the in-memory AD: paging, prefix semantics, and cookies Tessera did not issue. */
class LdapUserSearchTest {
    static LdapTestServer directory;
    static LdapConnections connections;
    static LdapSettings settings;

    @BeforeAll
    static void start() throws Exception {
        directory = LdapTestServer.activeDirectory(0);
        settings = LdapTestServer.adSettings(directory.url());
        connections = new LdapConnections(settings);
    }

    @AfterAll
    static void stop() {
        connections.close();
        directory.close();
    }

    static LdapUserSearch search(Clock clock, LdapPagingCookies cookies) {
        return new LdapUserSearch(settings, LdapTuning.defaults(), new LdapDirectory(connections), cookies, clock);
    }

    static LdapUserSearch search() {
        return search(Clock.systemUTC(), new LdapPagingCookies(LdapTuning.defaults()));
    }

    @Test
    void pagesThroughEveryUserWithTheCookie() {
        LdapUserSearch search = search();
        List<String> names = new ArrayList<>();
        String cookie = null;
        int pages = 0;
        do {
            LdapUserSearch.Page page = search.search("", 3, cookie);
            assertThat(page.users()).hasSizeLessThanOrEqualTo(3);
            page.users().stream().map(UserAccount::username).forEach(names::add);
            cookie = page.cookie().orElse(null);
            pages++;
        } while (cookie != null && pages < 10);

        assertThat(pages).isGreaterThan(1);
        assertThat(names).contains("ada", "bob", "carol", "dave", "erin", "frank", "admin").doesNotHaveDuplicates();
        assertThatThrownBy(() -> search.search("", 501, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSearchIsAPrefixOfUsernameNameOrEmailWithFilterCharactersLiteral() {
        LdapUserSearch search = search();
        assertThat(search.search("ad", 10, null).users()).extracting(UserAccount::username).containsExactlyInAnyOrder("ada", "admin");
        assertThat(search.search("Ada Lo", 10, null).users()).as("displayName").extracting(UserAccount::username).containsExactly("ada");
        assertThat(search.search("ada@corp", 10, null).users()).as("mail").extracting(UserAccount::username).containsExactly("ada");
        assertThat(search.search("a*", 10, null).users()).as("a star is literal").isEmpty();
        assertThat(search.search("*)(objectClass=*", 10, null).users()).as("no injection").isEmpty();
        assertThat(search.search("lovelace", 10, null).users()).as("a prefix, not a substring").isEmpty();
        assertThatThrownBy(() -> search.search("a", 10, null)).isInstanceOf(LdapListingRefused.class)
                .hasMessageContaining("tessera.ldap.search-min-length");
    }

    @Test
    void cookiesTesseraDidNotIssueAreRefusedBeforeTheDirectorySeesThem() {
        LdapUserSearch search = search();
        String valid = search.search("", 2, null).cookie().orElseThrow();
        directory.resetCounts();

        assertThatThrownBy(() -> search.search("", 2, "not base64 !")).isInstanceOf(LdapListingRefused.class)
                .hasMessageContaining("not one Tessera issued");
        String madeUp = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] {0, 0, 0, 5});
        assertThatThrownBy(() -> search.search("", 2, madeUp)).isInstanceOf(LdapListingRefused.class)
                .hasMessageContaining("not one Tessera issued");
        byte[] tampered = Base64.getUrlDecoder().decode(valid);
        tampered[tampered.length - 40] ^= 1;
        assertThatThrownBy(() -> search.search("", 2, Base64.getUrlEncoder().withoutPadding().encodeToString(tampered)))
                .isInstanceOf(LdapListingRefused.class).hasMessageContaining("signature");
        assertThatThrownBy(() -> search().search("", 2, valid)).as("another node's cookie").isInstanceOf(LdapListingRefused.class)
                .hasMessageContaining("another Tessera node");
        assertThatThrownBy(() -> search.search("ad", 2, valid)).isInstanceOf(LdapListingRefused.class)
                .hasMessageContaining("another search text");
        assertThat(directory.searches()).as("no refused cookie reached the directory").isZero();
        assertThat(search.search("", 2, valid).users()).as("the real cookie still works").hasSize(2);
    }

    @Test
    void aCookieOfAReplacedPagingConnectionIsRefused() {
        LdapUserSearch search = search();
        String cookie = search.search("", 2, null).cookie().orElseThrow();
        connections.resetPaging();
        assertThatThrownBy(() -> search.search("", 2, cookie)).isInstanceOf(LdapListingRefused.class)
                .hasMessageContaining("connection that served the listing was replaced");
        assertThat(search.search("", 2, null).users()).hasSize(2);
    }

    @Test
    void anExpiredCookieIsRefused() {
        Instant start = Instant.parse("2026-06-01T10:00:00Z");
        LdapPagingCookies cookies = new LdapPagingCookies(LdapTuning.defaults());
        String cookie = search(Clock.fixed(start, ZoneOffset.UTC), cookies).search("", 2, null).cookie().orElseThrow();
        LdapUserSearch later = search(Clock.fixed(start.plus(Duration.ofMinutes(11)), ZoneOffset.UTC), cookies);
        assertThatThrownBy(() -> later.search("", 2, cookie)).isInstanceOf(LdapListingRefused.class)
                .hasMessageContaining("expired").hasMessageContaining("tessera.ldap.listing-cookie-ttl");
    }
}
