package dev.tessera.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A local user as claims under their OpenID Connect Core §5.1 names. */
class UserClaimsTest {
    static final Instant NOW = Instant.parse("2026-02-03T04:05:06.789Z");

    @Test
    void everyClaimUnderItsStandardNameWithAddressAsAnObjectAndUpdatedAtInSeconds() {
        User user = new User("sub-1", TestUsers.full("Alice"), NOW);

        UserAccount account = UserClaims.account(user);

        assertThat(account.subject()).isEqualTo("sub-1");
        assertThat(account.username()).isEqualTo("Alice");
        assertThat(account.enabled()).isTrue();
        assertThat(account.groups()).containsExactly("staff", "Domain Admins");
        assertThat(account.claims()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("preferred_username", "Alice"),
                Map.entry("name", "Alice Liddell"),
                Map.entry("given_name", "Alice"),
                Map.entry("family_name", "Liddell"),
                Map.entry("middle_name", "Pleasance"),
                Map.entry("nickname", "Al"),
                Map.entry("profile", "https://example.com/alice"),
                Map.entry("picture", "https://example.com/alice.png"),
                Map.entry("website", "https://alice.example.org"),
                Map.entry("email", "alice@example.com"),
                Map.entry("email_verified", true),
                Map.entry("gender", "female"),
                Map.entry("birthdate", "1852-05-04"),
                Map.entry("zoneinfo", "Europe/London"),
                Map.entry("locale", "en-GB"),
                Map.entry("phone_number", "+44 1865 270000"),
                Map.entry("phone_number_verified", false),
                Map.entry("address", Map.of("formatted", "Christ Church\nOxford", "street_address", "St Aldates",
                        "locality", "Oxford", "region", "Oxfordshire", "postal_code", "OX1 1DP", "country", "GB")),
                Map.entry("updated_at", 1770091506L)));
    }

    @Test
    void absentClaimsAreAbsentNeverNullAndVerifiedFlagsGoOnlyWithTheirValue() {
        User user = new User("sub-2", TestUsers.minimal("bob"), NOW);

        assertThat(UserClaims.account(user).claims()).containsOnlyKeys("preferred_username", "updated_at");
        assertThat(UserClaims.account(user).groups()).isEmpty();
    }

    @Test
    void aPartialAddressCarriesOnlyItsMembers() {
        UserProfile p = TestUsers.minimal("carol");
        UserProfile withCountry = new UserProfile(p.username(), null, null, null, null, null, null, null, null, null, false,
                null, null, null, null, null, false, new PostalAddress(null, null, null, null, null, "NZ"), List.of());
        UserProfile emptyAddress = new UserProfile(p.username(), null, null, null, null, null, null, null, null, null, false,
                null, null, null, null, null, false, new PostalAddress(null, null, null, null, null, null), List.of());

        assertThat(UserClaims.account(new User("s", withCountry, NOW)).claims()).containsEntry("address", Map.of("country", "NZ"));
        assertThat(UserClaims.account(new User("s", emptyAddress, NOW)).claims()).doesNotContainKey("address");
    }

    @Test
    void aDisabledUserIsStillAnAccountMarkedDisabled() {
        User user = new User("sub-3", TestUsers.minimal("dave"), NOW);
        user.enabled(false, NOW.plusSeconds(60));

        UserAccount account = UserClaims.account(user);

        assertThat(account.enabled()).isFalse();
        assertThat(account.claims()).containsEntry("updated_at", NOW.plusSeconds(60).getEpochSecond());
    }
}
