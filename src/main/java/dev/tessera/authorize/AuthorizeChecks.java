package dev.tessera.authorize;

import dev.tessera.claims.ClaimsRequest;
import dev.tessera.client.Client;
import dev.tessera.client.ClientMetadataPolicy;
import dev.tessera.oauth.AuthorizeParameters;
import dev.tessera.oauth.FormParameters;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthParameters;
import dev.tessera.oauth.Pkce;
import dev.tessera.oauth.ResourceIndicators;
import dev.tessera.oauth.Scopes;
import dev.tessera.oauth.OAuthException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Phase two of the authorization endpoint: every other check, in the one order declared in
 * {@link #CHECKS}. Each failure goes back to the client's verified redirect URI with {@code state} and
 * {@code iss}. The result is an {@link AuthorizationRequest} that later steps can trust.
 */
@ApplicationScoped
public class AuthorizeChecks {
    static final Set<String> PROMPTS = Set.of("none", "login", "consent", "select_account");
    static final Set<String> DISPLAYS = Set.of("page", "popup", "touch", "wap");

    /** The checks, in order. Reading this list is reading the endpoint. */
    static final List<Consumer<AuthorizeDraft>> CHECKS = List.of(
            AuthorizeChecks::noRequestObject,
            AuthorizeChecks::noRepeatedParameters,
            AuthorizeChecks::responseType,
            AuthorizeChecks::responseMode,
            AuthorizeChecks::scope,
            AuthorizeChecks::pkce,
            AuthorizeChecks::nonce,
            AuthorizeChecks::prompt,
            AuthorizeChecks::maxAge,
            AuthorizeChecks::display,
            AuthorizeChecks::claims,
            AuthorizeChecks::resources);

    public AuthorizationRequest validate(FormParameters params, VerifiedClient verified) {
        AuthorizeDraft draft = new AuthorizeDraft(params, verified);
        CHECKS.forEach(check -> check.accept(draft));
        return draft.build();
    }

    /**
     * OpenID Connect Core §6: request objects are not supported yet; say so rather than ignore them, by the
     * response mode and with the state the object asks for when the outer request names none.
     */
    static void noRequestObject(AuthorizeDraft d) {
        if (d.params().has(AuthorizeParameters.REQUEST)) {
            UnverifiedRequestObject object = UnverifiedRequestObject.peek(d.params().get(AuthorizeParameters.REQUEST).get());
            if (!d.params().has(AuthorizeParameters.RESPONSE_MODE)) {
                object.responseMode().ifPresent(mode -> d.responseMode = mode);
            }
            if (!d.params().has(AuthorizeParameters.STATE)) {
                object.state().ifPresent(state -> d.errorState = state);
            }
            throw d.fail(OAuthError.REQUEST_NOT_SUPPORTED, "Request objects are not supported");
        }
        if (d.params().has(AuthorizeParameters.REQUEST_URI)) {
            throw d.fail(OAuthError.REQUEST_URI_NOT_SUPPORTED, "request_uri is not supported");
        }
    }

    /** RFC 6749 §3.1: "Request and response parameters MUST NOT be included more than once." */
    static void noRepeatedParameters(AuthorizeDraft d) {
        Set<String> repeated = d.params().repeated(Set.of(OAuthParameters.RESOURCE));
        if (!repeated.isEmpty()) {
            throw d.fail(OAuthError.INVALID_REQUEST, "Repeated parameter: " + String.join(", ", repeated));
        }
    }

    static void responseType(AuthorizeDraft d) {
        String type = ClientVerification.normalise(d.params().get(AuthorizeParameters.RESPONSE_TYPE).orElse(null));
        if (type == null) {
            throw d.fail(OAuthError.INVALID_REQUEST, "response_type is missing");
        }
        if (!ClientMetadataPolicy.isKnownResponseType(type)) {
            throw d.fail(OAuthError.UNSUPPORTED_RESPONSE_TYPE, "response_type '" + type + "' is not supported");
        }
        if (!d.client().responseTypes().contains(type)) {
            throw d.fail(OAuthError.UNAUTHORIZED_CLIENT, "This client may not use response_type '" + type + "'");
        }
        d.responseType = type;
    }

    static void responseMode(AuthorizeDraft d) {
        String requested = d.params().get(AuthorizeParameters.RESPONSE_MODE).orElse(null);
        ResponseMode mode = requested == null ? ResponseMode.defaultFor(d.responseType)
                : ResponseMode.fromWireName(requested).orElseThrow(() -> d.fail(OAuthError.INVALID_REQUEST, "Unknown response_mode"));
        // Multiple Response Types §3: tokens "MUST NOT" travel in the query.
        if (mode == ResponseMode.QUERY && !d.responseType.equals("code")) {
            throw d.fail(OAuthError.INVALID_REQUEST, "response_mode query cannot carry tokens");
        }
        d.responseMode = mode;
    }

    static void scope(AuthorizeDraft d) {
        Set<String> scope;
        try {
            scope = Scopes.parse(d.params().get(OAuthParameters.SCOPE).orElse(null));
        } catch (OAuthException e) {
            throw d.fail(OAuthError.INVALID_SCOPE, e.description());
        }
        if (scope.isEmpty()) {
            scope = new LinkedHashSet<>(d.client().defaultScopes());
        }
        Set<String> refused = new LinkedHashSet<>(scope);
        refused.removeAll(d.client().allowedScopes());
        if (!refused.isEmpty()) {
            throw d.fail(OAuthError.INVALID_SCOPE, "Scope not allowed for this client: " + Scopes.format(refused));
        }
        if (d.responseType.contains("id_token") && !scope.contains(Scopes.OPENID)) {
            throw d.fail(OAuthError.INVALID_SCOPE, "An ID token needs the openid scope");
        }
        d.scope = scope;
    }

    /** RFC 9700 §2.1.1: the PKCE policy of {@link CodeBinding}; plain only by opt-in. */
    static void pkce(AuthorizeDraft d) {
        String challenge = d.params().get(AuthorizeParameters.CODE_CHALLENGE).orElse(null);
        String method = d.params().get(AuthorizeParameters.CODE_CHALLENGE_METHOD).orElse(challenge == null ? null : Pkce.PLAIN);
        Client client = d.client();
        if (challenge == null) {
            CodeBinding.missingChallenge(client, d.responseType, d.scope, d.params().has(AuthorizeParameters.NONCE))
                    .ifPresent(refusal -> { throw d.fail(OAuthError.INVALID_REQUEST, refusal); });
            if (d.params().has(AuthorizeParameters.CODE_CHALLENGE_METHOD)) {
                throw d.fail(OAuthError.INVALID_REQUEST, "code_challenge_method without code_challenge");
            }
            return;
        }
        if (!Pkce.S256.equals(method) && !(Pkce.PLAIN.equals(method) && client.allowPlainPkce())) {
            throw d.fail(OAuthError.INVALID_REQUEST, "code_challenge_method must be S256");
        }
        if (!Pkce.wellFormed(challenge)) {
            throw d.fail(OAuthError.INVALID_REQUEST, "code_challenge must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~");
        }
        d.codeChallenge = challenge;
        d.codeChallengeMethod = method;
    }

    /** OpenID Connect Core §3.2.2.1 and §3.3.2.11: nonce is REQUIRED when the ID token comes from this endpoint. */
    static void nonce(AuthorizeDraft d) {
        d.nonce = d.params().get(AuthorizeParameters.NONCE).orElse(null);
        if (d.nonce == null && d.responseType.contains("id_token")) {
            throw d.fail(OAuthError.INVALID_REQUEST, "nonce is required when an ID token is returned from the authorization endpoint");
        }
    }

    static void prompt(AuthorizeDraft d) {
        // Space-separated like scope, but not Scopes.parse: its invalid_scope error would escape this endpoint's
        // redirect; any value outside PROMPTS, whatever its characters, is simply unknown.
        Set<String> prompt = new LinkedHashSet<>();
        for (String value : d.params().get(AuthorizeParameters.PROMPT).orElse("").split(" ")) {
            if (!value.isEmpty()) {
                prompt.add(value);
            }
        }
        prompt.stream().filter(p -> !PROMPTS.contains(p)).findFirst()
                .ifPresent(p -> { throw d.fail(OAuthError.INVALID_REQUEST, "Unknown prompt value " + p); });
        // OpenID Connect Core §3.1.2.1: "If this parameter contains none with any other value, an error is returned."
        if (prompt.contains("none") && prompt.size() > 1) {
            throw d.fail(OAuthError.INVALID_REQUEST, "prompt=none cannot be combined with other values");
        }
        d.prompt = prompt;
    }

    static void maxAge(AuthorizeDraft d) {
        String value = d.params().get(AuthorizeParameters.MAX_AGE).orElse(null);
        if (value == null) {
            return;
        }
        try {
            d.maxAge = Long.parseLong(value);
        } catch (NumberFormatException e) {
            d.maxAge = -1L;
        }
        if (d.maxAge < 0) {
            throw d.fail(OAuthError.INVALID_REQUEST, "max_age must be a non-negative number of seconds");
        }
    }

    static void display(AuthorizeDraft d) {
        d.params().get(AuthorizeParameters.DISPLAY).filter(v -> !DISPLAYS.contains(v))
                .ifPresent(v -> { throw d.fail(OAuthError.INVALID_REQUEST, "Unknown display value"); });
    }

    static void claims(AuthorizeDraft d) {
        String claims = d.params().get(AuthorizeParameters.CLAIMS).orElse(null);
        if (claims != null && !ClaimsRequest.isValid(claims)) {
            throw d.fail(OAuthError.INVALID_REQUEST, "claims must be a JSON object with id_token and/or userinfo members");
        }
        d.claims = claims;
    }

    static void resources(AuthorizeDraft d) {
        List<String> resources = d.params().all(OAuthParameters.RESOURCE);
        try {
            ResourceIndicators.validate(resources);
        } catch (OAuthException e) {
            throw d.fail(OAuthError.INVALID_TARGET, e.description());
        }
        resources.stream().filter(r -> !d.client().allowedResources().contains(r)).findFirst()
                .ifPresent(r -> { throw d.fail(OAuthError.INVALID_TARGET, "resource not allowed for this client: " + r); });
        d.resources = resources;
    }
}
