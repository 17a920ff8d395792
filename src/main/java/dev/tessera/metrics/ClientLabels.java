package dev.tessera.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client ids as label values, at most {@code limit} distinct ones: the first clients seen keep their own series,
 * later ones share {@link #OTHER}. Only ids of authenticated clients are passed here, never what a request
 * merely claims, so an attacker cannot spend the budget.
 */
final class ClientLabels {
    static final String OTHER = "_other";
    static final String NONE = "_none";

    private final Set<String> labelled = ConcurrentHashMap.newKeySet();
    private final int limit;

    ClientLabels(int limit) {
        this.limit = limit;
    }

    String of(String clientId) {
        if (clientId == null) {
            return NONE;
        }
        if (labelled.contains(clientId)) {
            return clientId;
        }
        // Two threads may both pass the size check at the limit: at most a few series over it, never unbounded.
        if (labelled.size() < limit) {
            labelled.add(clientId);
            return clientId;
        }
        return OTHER;
    }
}
