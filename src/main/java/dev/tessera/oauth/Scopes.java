package dev.tessera.oauth;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** Scope values (RFC 6749 §3.3): space-delimited, case-sensitive, from a restricted character set. */
public final class Scopes {
    /** The scope an access token needs for the admin API. */
    public static final String ADMIN = "tessera:admin";
    /** Scopes of Tessera itself (tessera:admin opens the admin API): never granted by registration. */
    public static final String RESERVED_PREFIX = "tessera:";
    /** The scope that makes a request an OpenID Connect request (OpenID Connect Core §3.1.2.1). */
    public static final String OPENID = "openid";

    private Scopes() {
    }

    /** Parses a scope parameter; an empty or absent one is the empty set. */
    public static Set<String> parse(String scope) {
        Set<String> values = new LinkedHashSet<>();
        if (scope == null) {
            return values;
        }
        for (String value : scope.split(" ")) {
            if (value.isEmpty()) {
                continue;
            }
            // RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x21 || c > 0x7E || c == '"' || c == '\\') {
                    throw new OAuthException(OAuthError.INVALID_SCOPE, "scope contains a character RFC 6749 §3.3 does not allow");
                }
            }
            values.add(value);
        }
        return values;
    }

    public static String format(Collection<String> scopes) {
        return String.join(" ", scopes);
    }

    public static Set<String> of(String... values) {
        return new LinkedHashSet<>(Arrays.asList(values));
    }
}
