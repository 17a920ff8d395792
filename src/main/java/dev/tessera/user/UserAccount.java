package dev.tessera.user;

import java.util.List;
import java.util.Map;

/**
 * A person as the rest of Tessera sees them, whichever store they live in.
 *
 * @param subject  the stable, never reassigned identifier that becomes {@code sub} (OpenID Connect Core
 *                 §2: "locally unique and never reassigned"); not the username, which can change
 * @param username what the person types at the login page
 * @param enabled  false for a disabled account: it cannot log in and its refresh tokens stop working
 * @param claims   OpenID Connect standard claims by their claim names (§5.1: name, given_name,
 *                 family_name, email, email_verified, phone_number, address, locale, zoneinfo, picture,
 *                 preferred_username, ...); absent claims are absent, never null values
 * @param groups   group names, for the {@code groups} claim
 */
public record UserAccount(String subject, String username, boolean enabled, Map<String, Object> claims, List<String> groups) {
    public UserAccount {
        claims = Map.copyOf(claims);
        groups = List.copyOf(groups);
    }
}
