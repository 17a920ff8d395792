package dev.tessera.user;

import java.util.List;

/** Profiles for tests, also used by the database test in another package. */
public final class TestUsers {
    private TestUsers() {
    }

    public static UserProfile minimal(String username) {
        return new UserProfile(username, null, null, null, null, null, null, null, null, null, false, null, null, null,
                null, null, false, null, List.of());
    }

    public static UserProfile full(String username) {
        return new UserProfile(username, "Alice Liddell", "Alice", "Liddell", "Pleasance", "Al",
                "https://example.com/alice", "https://example.com/alice.png", "https://alice.example.org",
                "alice@example.com", true, "female", "1852-05-04", "Europe/London", "en-GB", "+44 1865 270000", false,
                new PostalAddress("Christ Church\nOxford", "St Aldates", "Oxford", "Oxfordshire", "OX1 1DP", "GB"),
                List.of("staff", "Domain Admins"));
    }
}
