package dev.tessera.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;

/** RFC 8707 §2: a resource "MUST be an absolute URI" and "MUST NOT include a fragment component". */
public final class ResourceIndicators {
    private ResourceIndicators() {
    }

    public static void validate(Collection<String> resources) {
        for (String resource : resources) {
            try {
                URI uri = new URI(resource);
                if (!uri.isAbsolute() || uri.getRawFragment() != null) {
                    throw invalid(resource);
                }
            } catch (URISyntaxException e) {
                throw invalid(resource);
            }
        }
    }

    private static OAuthException invalid(String resource) {
        return new OAuthException(OAuthError.INVALID_TARGET,
                "resource must be an absolute URI without a fragment (RFC 8707 §2)");
    }
}
