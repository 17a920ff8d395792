package dev.tessera.mfa;

import dev.tessera.oauth.AcrValues;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What level an authorization request needs, as a pure function of what asks for one: the request (an essential
 * {@code acr} in the {@code claims} parameter, else {@code acr_values}, else the client's {@code default_acr_values},
 * OpenID Connect Registration §2), then the floors (the client's {@code require_mfa}, the server's minimum, an
 * administrator's requirement for the person). Requested values are alternatives in the client's order of
 * preference, so the weakest one Tessera knows is enough; values Tessera cannot reach are ignored unless nothing
 * else was asked and they were essential.
 */
public final class AcrPolicy {

    private AcrPolicy() {
    }

    /**
     * @param essentialAcr   the essential acr values of the claims parameter, if acr was asked as essential
     * @param acrValues      the space-separated {@code acr_values} parameter, or null
     * @param clientDefaults the client's {@code default_acr_values}
     * @param floors         levels that must be reached whatever was asked (client, server, person)
     */
    public static AcrRequirement requirement(Optional<List<String>> essentialAcr, String acrValues, Collection<String> clientDefaults,
            Collection<String> floors) {
        boolean essential = essentialAcr.isPresent() && !essentialAcr.get().isEmpty();
        List<String> asked = essential ? essentialAcr.get()
                : acrValues != null && !acrValues.isBlank() ? List.of(acrValues.trim().split(" +")) : List.copyOf(clientDefaults);
        int rank = asked.stream().mapToInt(AcrValues::rank).filter(r -> r >= 0).min().orElse(-1);
        boolean unreachable = essential && rank < 0;
        int floor = floors.stream().mapToInt(AcrValues::rank).max().orElse(-1);
        if (floor > rank) {
            rank = floor;
            essential = true;
        }
        if (unreachable) {
            return new AcrRequirement(null, true, true);
        }
        return rank < 0 ? AcrRequirement.NONE : new AcrRequirement(AcrValues.LEVELS.get(rank), essential, false);
    }
}
