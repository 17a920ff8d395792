package dev.tessera.claims;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The claims each standard scope stands for (OpenID Connect Core §5.4). */
public final class ScopeClaims {
    static final Map<String, List<String>> BY_SCOPE = Map.of(
            "profile", List.of("name", "family_name", "given_name", "middle_name", "nickname", "preferred_username",
                    "profile", "picture", "website", "gender", "birthdate", "zoneinfo", "locale", "updated_at"),
            "email", List.of("email", "email_verified"),
            "address", List.of("address"),
            "phone", List.of("phone_number", "phone_number_verified"));

    private ScopeClaims() {
    }

    /** Every claim name any standard scope covers, for discovery's claims_supported. */
    public static Set<String> all() {
        Set<String> all = new LinkedHashSet<>(List.of("sub", "groups"));
        BY_SCOPE.values().forEach(all::addAll);
        return all;
    }

    /** The user's claims that the granted scopes and explicitly requested names allow; sub is added by the caller. */
    public static Map<String, Object> select(Map<String, Object> userClaims, List<String> groups, Set<String> scopes,
            Set<String> requested) {
        Set<String> names = new LinkedHashSet<>(requested);
        scopes.forEach(scope -> names.addAll(BY_SCOPE.getOrDefault(scope, List.of())));
        Map<String, Object> selected = new LinkedHashMap<>();
        for (String name : names) {
            Object value = userClaims.get(name);
            if (value != null) {
                selected.put(name, value);
            }
        }
        if ((scopes.contains("groups") || requested.contains("groups")) && !groups.isEmpty()) {
            selected.put("groups", groups);
        }
        return selected;
    }
}
