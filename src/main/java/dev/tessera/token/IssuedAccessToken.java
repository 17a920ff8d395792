package dev.tessera.token;

import java.util.Set;

/** An access token just minted: its wire value and what the response says about it. */
public record IssuedAccessToken(String value, String jti, long expiresIn, Set<String> scope) {
}
