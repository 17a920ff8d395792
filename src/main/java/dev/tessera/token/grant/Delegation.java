package dev.tessera.token.grant;

import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.token.TokenClaims;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code act} (actor) claim of RFC 8693 §4.1: who acts for the subject. The outermost {@code act}
 * names the current actor; "A chain of delegation can be expressed by nesting one act claim within
 * another", the nested ones being prior actors. Prior actors are the chain the subject token already
 * carries, so delegating a delegated token keeps everyone who acted before.
 */
final class Delegation {
    static final String ACT = "act";
    /** Each hop adds a level; a long chain is refused rather than grown without end. */
    static final int MAX_DEPTH = 5;

    private Delegation() {
    }

    /**
     * @param subject the subject token's claims: its own {@code act}, if any, is the prior chain
     * @param actor   the actor token's claims, or null when the client acts as nobody but the subject
     * @return the {@code act} claim of the new token; null when there is no delegation at all
     */
    static Map<String, Object> act(TokenClaims subject, TokenClaims actor) {
        Object prior = subject.extra().get(ACT);
        Map<String, Object> chain = prior instanceof Map<?, ?> map ? copy(map) : null;
        if (actor == null) {
            // No new actor: an exchange must not wash the delegation chain out of a token.
            return chain;
        }
        // RFC 8693 §4.1: "the act claim ... contains a JSON object whose members are claims identifying the actor"
        Map<String, Object> act = new LinkedHashMap<>();
        act.put("sub", actor.subject());
        if (actor.clientId() != null) {
            act.put("client_id", actor.clientId());
        }
        if (chain != null) {
            if (depth(chain) >= MAX_DEPTH) {
                throw new OAuthException(OAuthError.INVALID_REQUEST, "The subject token's delegation chain is too long");
            }
            act.put(ACT, chain);
        }
        return act;
    }

    static int depth(Map<?, ?> act) {
        int depth = 1;
        Object nested = act.get(ACT);
        while (nested instanceof Map<?, ?> next) {
            depth++;
            nested = next.get(ACT);
        }
        return depth;
    }

    private static Map<String, Object> copy(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }
}
