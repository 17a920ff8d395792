package dev.tessera.authorize;

import dev.tessera.oauth.JsonFactories;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A validated authorization request: every check in {@link AuthorizeChecks} has passed. It is kept as
 * JSON in the pending authorization while the person logs in and consents.
 *
 * @param redirectUri      the redirect URI the response goes to (given, or the only registered one)
 * @param redirectUriGiven whether the request carried redirect_uri; then the token request must repeat it
 *                         (RFC 6749 §4.1.3)
 * @param maxAge           seconds, or null
 */
public record AuthorizationRequest(String clientId, String redirectUri, boolean redirectUriGiven, String responseType,
        ResponseMode responseMode, Set<String> scope, String state, String nonce, String codeChallenge,
        String codeChallengeMethod, Set<String> prompt, Long maxAge, String loginHint, String idTokenHint,
        String uiLocales, String acrValues, String claims, List<String> resources) {

    public Set<String> responseTypeParts() {
        return Set.of(responseType.split(" "));
    }

    public boolean wants(String part) {
        return responseTypeParts().contains(part);
    }

    public String toJson() {
        JsonObjectBuilder json = JsonFactories.BUILDERS.createObjectBuilder()
                .add("client_id", clientId).add("redirect_uri", redirectUri).add("redirect_uri_given", redirectUriGiven)
                .add("response_type", responseType).add("response_mode", responseMode.wireName())
                .add("scope", array(scope)).add("prompt", array(prompt)).add("resources", array(resources));
        optional(json, "state", state);
        optional(json, "nonce", nonce);
        optional(json, "code_challenge", codeChallenge);
        optional(json, "code_challenge_method", codeChallengeMethod);
        optional(json, "login_hint", loginHint);
        optional(json, "id_token_hint", idTokenHint);
        optional(json, "ui_locales", uiLocales);
        optional(json, "acr_values", acrValues);
        optional(json, "claims", claims);
        if (maxAge != null) {
            json.add("max_age", maxAge);
        }
        return json.build().toString();
    }

    public static AuthorizationRequest fromJson(String text) {
        JsonObject j = JsonFactories.READERS.createReader(new StringReader(text)).readObject();
        return new AuthorizationRequest(j.getString("client_id"), j.getString("redirect_uri"), j.getBoolean("redirect_uri_given"),
                j.getString("response_type"), ResponseMode.fromWireName(j.getString("response_mode")).orElseThrow(),
                strings(j, "scope"), j.getString("state", null), j.getString("nonce", null), j.getString("code_challenge", null),
                j.getString("code_challenge_method", null), strings(j, "prompt"),
                j.containsKey("max_age") ? j.getJsonNumber("max_age").longValue() : null, j.getString("login_hint", null),
                j.getString("id_token_hint", null), j.getString("ui_locales", null), j.getString("acr_values", null),
                j.getString("claims", null), List.copyOf(strings(j, "resources")));
    }

    private static JsonArrayBuilder array(Collection<String> values) {
        JsonArrayBuilder array = JsonFactories.BUILDERS.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }

    private static Set<String> strings(JsonObject j, String name) {
        Set<String> values = new LinkedHashSet<>();
        j.getJsonArray(name).forEach(v -> values.add(((JsonString) v).getString()));
        return values;
    }

    private static void optional(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }
}
