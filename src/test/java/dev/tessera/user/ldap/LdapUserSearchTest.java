package dev.tessera.user.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.user.UserAccount;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LdapUserSearchTest {
    @Test
    void pagesThroughEveryUserWithTheCookie() throws Exception {
        try (LdapTestServer directory = LdapTestServer.activeDirectory(0)) {
            LdapSettings settings = LdapTestServer.adSettings(directory.url());
            LdapConnections connections = new LdapConnections(settings);
            try {
                LdapUserSearch search = new LdapUserSearch(settings, new LdapDirectory(connections), Clock.systemUTC());
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

                assertThat(names).contains("ada", "bob", "carol", "dave", "erin", "frank", "admin").doesNotHaveDuplicates();
                assertThat(search.search("ad", 10, null).users()).extracting(UserAccount::username).containsExactlyInAnyOrder("ada", "admin");
                assertThat(search.search("*", 10, null).users()).as("a star is literal").isEmpty();
                assertThatThrownBy(() -> search.search("", 501, null)).isInstanceOf(IllegalArgumentException.class);
            } finally {
                connections.close();
            }
        }
    }
}
