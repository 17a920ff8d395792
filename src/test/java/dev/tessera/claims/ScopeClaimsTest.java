package dev.tessera.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** OpenID Connect Core §5.4: which of a user's claims each scope releases, and §5.5 individually requested claims. */
class ScopeClaimsTest {
    static final Map<String, Object> USER = user();
    static final List<String> GROUPS = List.of("staff", "admins");

    static Map<String, Object> user() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("preferred_username", "ada");
        claims.put("name", "Ada Lovelace");
        claims.put("given_name", "Ada");
        claims.put("family_name", "Lovelace");
        claims.put("locale", "en-GB");
        claims.put("email", "ada@example.com");
        claims.put("email_verified", true);
        claims.put("phone_number", "+44 20 7946 0000");
        claims.put("phone_number_verified", false);
        claims.put("address", Map.of("country", "GB"));
        return Map.copyOf(claims);
    }

    @Test
    void openidAloneReleasesNothing() {
        assertThat(ScopeClaims.select(USER, GROUPS, Set.of("openid"), Set.of())).isEmpty();
    }

    @Test
    void profileReleasesTheProfileClaimsTheUserHas() {
        assertThat(ScopeClaims.select(USER, GROUPS, Set.of("openid", "profile"), Set.of())).containsOnlyKeys("preferred_username",
                "name", "given_name", "family_name", "locale");
    }

    @Test
    void emailPhoneAndAddress() {
        assertThat(ScopeClaims.select(USER, GROUPS, Set.of("email"), Set.of()))
                .containsExactlyInAnyOrderEntriesOf(Map.of("email", "ada@example.com", "email_verified", true));
        assertThat(ScopeClaims.select(USER, GROUPS, Set.of("phone"), Set.of())).containsOnlyKeys("phone_number", "phone_number_verified")
                .containsEntry("phone_number_verified", false);
        assertThat(ScopeClaims.select(USER, GROUPS, Set.of("address"), Set.of())).containsOnlyKeys("address");
    }

    @Test
    void groupsNeedTheGroupsScopeOrAnExplicitRequest() {
        assertThat(ScopeClaims.select(USER, GROUPS, Set.of("profile"), Set.of())).doesNotContainKey("groups");
        assertThat(ScopeClaims.select(USER, GROUPS, Set.of("groups"), Set.of())).containsExactly(Map.entry("groups", GROUPS));
        assertThat(ScopeClaims.select(USER, GROUPS, Set.of(), Set.of("groups"))).containsExactly(Map.entry("groups", GROUPS));
        assertThat(ScopeClaims.select(USER, List.of(), Set.of("groups"), Set.of("groups"))).isEmpty();
    }

    @Test
    void requestedClaimsAreAddedOneByOne() {
        assertThat(ScopeClaims.select(USER, GROUPS, Set.of("openid"), Set.of("email", "locale")))
                .containsOnlyKeys("email", "locale");
        assertThat(ScopeClaims.select(USER, GROUPS, Set.of("email"), Set.of("email"))).containsOnlyKeys("email", "email_verified");
    }

    @Test
    void claimsTheUserDoesNotHaveAreLeftOut() {
        assertThat(ScopeClaims.select(USER, GROUPS, Set.of(), Set.of("nickname", "birthdate", "sub", "iss"))).isEmpty();
        assertThat(ScopeClaims.select(Map.of(), List.of(), Set.of("profile", "email", "phone", "address", "groups"), Set.of())).isEmpty();
    }

    @Test
    void unknownScopesReleaseNothing() {
        assertThat(ScopeClaims.select(USER, GROUPS, Set.of("offline_access", "api:read", "Profile"), Set.of())).isEmpty();
    }

    @Test
    void allListsSubGroupsAndEveryScopeClaimOnce() {
        assertThat(ScopeClaims.all()).startsWith("sub", "groups").contains("name", "updated_at", "email_verified", "address",
                "phone_number_verified").doesNotHaveDuplicates().hasSize(2 + 14 + 2 + 1 + 2);
    }
}
