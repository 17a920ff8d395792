package dev.tessera.config;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The access-token signing algorithm a resource server (an RFC 8707 resource, the token's {@code aud})
 * requires, whoever the client is: a resource server that verifies only ES256, or one that wants the cheap
 * EdDSA, gets it without every client being reconfigured. It outranks the client's own
 * {@code access_token_signing_alg}, which outranks the server default.
 *
 * @param byResource algorithm (JWS name) per resource identifier
 */
public record ResourceAlgorithms(Map<String, String> byResource) {

    public ResourceAlgorithms {
        byResource = Map.copyOf(byResource);
    }

    /**
     * Parses {@code resource=ALG} entries separated by commas or white space; the algorithm follows the
     * last {@code =}, so a resource URI with a query keeps its own. Every algorithm must be one of the
     * enabled ones, or no key could sign for that resource.
     *
     * @throws IllegalArgumentException naming the key, so the deployment stops with a clear message
     */
    public static ResourceAlgorithms parse(String value, List<String> enabled) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String entry : value == null ? new String[0] : value.trim().split("[,\\s]+")) {
            if (entry.isEmpty()) {
                continue;
            }
            int eq = entry.lastIndexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw invalid("entries are resource=ALG, not " + entry);
            }
            String alg = entry.substring(eq + 1);
            if (!enabled.contains(alg)) {
                throw invalid(alg + " (for " + entry.substring(0, eq) + ") is not one of the enabled algorithms "
                        + enabled + " (" + ConfigKeys.KEYS_ALGORITHMS + ")");
            }
            if (map.putIfAbsent(entry.substring(0, eq), alg) != null) {
                throw invalid(entry.substring(0, eq) + " is listed twice");
            }
        }
        return new ResourceAlgorithms(map);
    }

    /**
     * The one algorithm the given audiences require, empty when none of them requires one.
     *
     * @throws IllegalArgumentException when two of them require different algorithms: one token has one
     *                                  signature, so such a request must be split
     */
    public Optional<String> requiredBy(Collection<String> audiences) {
        TreeSet<String> required = new TreeSet<>();
        for (String audience : audiences) {
            String alg = byResource.get(audience);
            if (alg != null) {
                required.add(alg);
            }
        }
        if (required.size() > 1) {
            throw new IllegalArgumentException("these resources require different signing algorithms " + required
                    + "; request a token for each separately");
        }
        return required.stream().findFirst();
    }

    private static IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException(ConfigKeys.TOKENS_RESOURCE_ALGORITHMS + ": " + why);
    }
}
