package dev.tessera.client;

import dev.tessera.keys.SigningAlgorithm;
import dev.tessera.oauth.AcrValues;
import dev.tessera.oauth.GrantTypes;
import dev.tessera.oauth.JsonParsing;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.oauth.ResourceIndicators;
import dev.tessera.oauth.Scopes;
import dev.tessera.persistence.ColumnFit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Set;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.lang.JoseException;

/**
 * Checks client metadata and writes it onto a {@link Client}. The rules are RFC 7591 §2 and §3.2.2,
 * RFC 8252 for native redirect URIs, and RFC 9700 §2.6 and §4.1: redirect URIs are https, http only on a
 * loopback IP, or a private-use scheme named after a domain; never with a fragment.
 */
@ApplicationScoped
public class ClientMetadataPolicy {
    static final Set<String> KNOWN_RESPONSE_TYPES = Set.of("code", "token", "id_token", "id_token token",
            "code id_token", "code token", "code id_token token");

    @Inject
    RedirectUriRules redirectUris;

    @Inject
    ClientAuthentications methods;

    @Inject
    KnownGrantTypes knownGrants;

    public static List<String> knownResponseTypes() {
        return List.of("code", "id_token", "id_token token", "code id_token", "code token", "code id_token token", "token");
    }

    public static boolean isKnownResponseType(String normalised) {
        return KNOWN_RESPONSE_TYPES.contains(normalised);
    }

    public void apply(ClientMetadata m, Client client) {
        ClientAuthentication method = methods.find(ClientMetadata.or(m.tokenEndpointAuthMethod(), ClientAuthMethod.CLIENT_SECRET_BASIC))
                .orElseThrow(() -> invalid("token_endpoint_auth_method is not supported: " + m.tokenEndpointAuthMethod()));
        Set<String> grants = ClientMetadata.or(m.grantTypes(), Set.of(GrantTypes.AUTHORIZATION_CODE));
        grants.stream().filter(g -> !knownGrants.contains(g)).findFirst()
                .ifPresent(g -> { throw invalid("grant_types contains an unknown grant type: " + g); });
        Set<String> responses = ClientMetadata.or(m.responseTypes(),
                grants.contains(GrantTypes.AUTHORIZATION_CODE) ? Set.of("code") : Set.of());
        checkConsistency(grants, responses, method);
        Set<String> redirects = ClientMetadata.orEmpty(m.redirectUris());
        redirects.forEach(redirectUris::check);
        if (redirects.isEmpty() && (grants.contains(GrantTypes.AUTHORIZATION_CODE) || grants.contains(GrantTypes.IMPLICIT))) {
            throw new OAuthException(OAuthError.INVALID_REDIRECT_URI, "redirect_uris is required for the authorization_code and implicit grants");
        }
        ClientMetadata.orEmpty(m.postLogoutRedirectUris()).forEach(redirectUris::check);
        checkKeys(m, method);
        Set<String> scope = scopes(m.scope(), "scope");
        Set<String> defaults = m.defaultScope() == null ? scope : scopes(m.defaultScope(), "default_scope");
        if (!scope.containsAll(defaults)) {
            throw invalid("default_scope must be within scope");
        }
        Set<String> resources = ClientMetadata.orEmpty(m.allowedResources());
        try {
            ResourceIndicators.validate(resources);
        } catch (OAuthException e) {
            throw invalid("allowed_resources must be absolute URIs without a fragment");
        }
        client.authMethod(method.method());
        client.authSigningAlg(m.tokenEndpointAuthSigningAlg());
        client.grantTypes(grants);
        client.responseTypes(responses);
        client.redirectUris(redirects);
        client.postLogoutRedirectUris(ClientMetadata.orEmpty(m.postLogoutRedirectUris()));
        client.allowedScopes(scope);
        client.defaultScopes(defaults);
        client.allowedResources(resources);
        applyDisplay(m, client);
        applyTokenSettings(m, client);
        requireJwtAdminTokens(client);
        // Issue 18 point 1: what the columns cannot hold is the request's fault, named, not a failed insert.
        List<String> unfit = ColumnFit.violations(client);
        if (!unfit.isEmpty()) {
            throw invalid(String.join("; ", unfit));
        }
    }

    private void checkConsistency(Set<String> grants, Set<String> responses, ClientAuthentication method) {
        for (String response : responses) {
            if (!KNOWN_RESPONSE_TYPES.contains(response)) {
                throw invalid("response_types contains an unsupported value: " + response);
            }
            // RFC 7591 §2.1: "code" needs authorization_code; "token" and "id_token" need implicit
            // (so the hybrid "code id_token" needs both).
            Set<String> parts = Set.of(response.split(" "));
            if (parts.contains("code") && !grants.contains(GrantTypes.AUTHORIZATION_CODE)) {
                throw invalid("response type '" + response + "' needs the authorization_code grant");
            }
            if ((parts.contains("token") || parts.contains("id_token")) && !grants.contains(GrantTypes.IMPLICIT)) {
                throw invalid("response type '" + response + "' needs the implicit grant");
            }
        }
        if (grants.contains(GrantTypes.AUTHORIZATION_CODE) && responses.stream().noneMatch(r -> r.contains("code"))) {
            throw invalid("the authorization_code grant needs a response type containing code");
        }
        if (!method.confidential() && (grants.contains(GrantTypes.CLIENT_CREDENTIALS) || grants.contains(GrantTypes.PASSWORD))) {
            throw invalid("public clients (token_endpoint_auth_method none) may not use client_credentials or password");
        }
    }

    private void checkKeys(ClientMetadata m, ClientAuthentication method) {
        if (m.jwks() != null && m.jwksUri() != null) {
            throw invalid("jwks and jwks_uri must not both be present (RFC 7591 §2)");
        }
        if (m.jwks() != null) {
            List<JsonWebKey> keys;
            int members;
            try {
                keys = new JsonWebKeySet(m.jwks()).getJsonWebKeys();
                members = ((List<?>) JsonParsing.parse(m.jwks()).get("keys")).size();
            } catch (JoseException | ClassCastException e) {
                // jose4j throws ClassCastException for JSON of the wrong shape, e.g. {"keys": 5}.
                throw invalid("jwks is not a valid JWK Set");
            }
            // jose4j skips members it cannot read; such a member would be stored unchecked and never used.
            if (keys.size() != members) {
                throw invalid("jwks contains a member that is not a valid JWK");
            }
            for (JsonWebKey key : keys) {
                ClientKeyRules.refusal(key).ifPresent(reason -> {
                    throw invalid("jwks " + reason);
                });
            }
        }
        if (m.jwksUri() != null && (!m.jwksUri().startsWith("https://") || !isUri(m.jwksUri()))) {
            throw invalid("jwks_uri must be an https URL");
        }
        method.checkMetadata(m);
        String alg = m.tokenEndpointAuthSigningAlg();
        if (alg != null && !method.signingAlgorithms().contains(alg)) {
            throw invalid("token_endpoint_auth_signing_alg " + alg + " does not fit " + method.method());
        }
    }

    private void applyDisplay(ClientMetadata m, Client client) {
        for (String uri : new String[] {m.logoUri(), m.policyUri(), m.tosUri()}) {
            if (uri != null && !uri.startsWith("https://")) {
                throw invalid("logo_uri, policy_uri and tos_uri must be https URLs");
            }
        }
        if (m.backchannelLogoutUri() != null) {
            LogoutUriRules.refusal(ClientFields.BACKCHANNEL_LOGOUT_URI, m.backchannelLogoutUri()).ifPresent(reason -> {
                throw invalid(reason);
            });
        }
        if (m.frontchannelLogoutUri() != null) {
            LogoutUriRules.frontchannelRefusal(ClientFields.FRONTCHANNEL_LOGOUT_URI, m.frontchannelLogoutUri(), client.redirectUris())
                    .ifPresent(reason -> {
                        throw invalid(reason);
                    });
        }
        // OpenID Connect Registration §2: initiate_login_uri "MUST use the https scheme".
        if (m.initiateLoginUri() != null && (!m.initiateLoginUri().startsWith("https://") || !isUri(m.initiateLoginUri()))) {
            throw invalid("initiate_login_uri must be an https URL (OpenID Connect Registration §2)");
        }
        client.clientName(m.clientName());
        client.logoUri(m.logoUri());
        client.policyUri(m.policyUri());
        client.tosUri(m.tosUri());
        client.contacts(ClientMetadata.orEmpty(m.contacts()));
        client.jwks(m.jwks());
        client.jwksUri(m.jwksUri());
        client.backchannelLogoutUri(m.backchannelLogoutUri());
        client.backchannelLogoutSessionRequired(ClientMetadata.or(m.backchannelLogoutSessionRequired(), false));
        client.frontchannelLogoutUri(m.frontchannelLogoutUri());
        client.frontchannelLogoutSessionRequired(ClientMetadata.or(m.frontchannelLogoutSessionRequired(), false));
        client.initiateLoginUri(m.initiateLoginUri());
    }

    private void applyTokenSettings(ClientMetadata m, Client client) {
        client.accessTokenFormat(AccessTokenFormat.fromWireName(ClientMetadata.or(m.accessTokenFormat(), "jwt"))
                .orElseThrow(() -> invalid("access_token_format must be jwt or opaque")));
        client.accessTokenSigningAlg(signingAlg(m.accessTokenSigningAlg(), "access_token_signing_alg"));
        client.idTokenSigningAlg(signingAlg(m.idTokenSignedResponseAlg(), "id_token_signed_response_alg"));
        client.accessTokenLifetimeSeconds(m.accessTokenLifetime());
        client.refreshTokenLifetimeSeconds(m.refreshTokenLifetime());
        client.refreshTokenIdleSeconds(m.refreshTokenIdle());
        client.refreshTokenReuseIntervalSeconds(m.refreshTokenReuseInterval());
        client.requirePkce(ClientMetadata.or(m.requirePkce(), true));
        client.requireConsent(ClientMetadata.or(m.requireConsent(), true));
        client.enabled(ClientMetadata.or(m.enabled(), true));
        client.allowPlainPkce(ClientMetadata.or(m.allowPlainPkce(), false));
        client.tokenExchangeAudiences(ClientMetadata.orEmpty(m.tokenExchangeAudiences()));
        client.tokenExchangeRefreshTokens(ClientMetadata.or(m.tokenExchangeRefreshTokens(), false));
        client.idTokenGroups(ClientMetadata.or(m.idTokenGroups(), false));
        client.requireMfa(ClientMetadata.or(m.requireMfa(), false));
        Set<String> acrs = ClientMetadata.orEmpty(m.defaultAcrValues());
        acrs.stream().filter(acr -> AcrValues.rank(acr) < 0).findFirst().ifPresent(acr -> {
            throw invalid("default_acr_values may name only " + String.join(", ", AcrValues.LEVELS) + ", not " + acr);
        });
        client.defaultAcrValues(acrs);
    }

    /**
     * The admin API hands its resources the caller as a MicroProfile JWT {@code JsonWebToken}, the claims of a
     * JWT access token (RFC 9068), so a client that may obtain the scope {@value Scopes#ADMIN} must get JWT
     * access tokens. Any signing algorithm will do: the admin API verifies them with Tessera's own key ring.
     */
    private static void requireJwtAdminTokens(Client client) {
        if (client.allowedScopes().contains(Scopes.ADMIN) && client.accessTokenFormat() != AccessTokenFormat.JWT) {
            throw invalid("a client allowed the scope " + Scopes.ADMIN + " must use jwt access tokens: the admin API "
                    + "reads its caller from the token's claims");
        }
    }

    private static String signingAlg(String alg, String field) {
        if (alg == null) {
            return null;
        }
        // "none" is deliberately not a SigningAlgorithm: Tessera never issues unsigned tokens.
        return SigningAlgorithm.fromJwsName(alg).map(SigningAlgorithm::jwsName)
                .orElseThrow(() -> invalid(field + " must be one of RS256, PS256, ES256, EdDSA"));
    }

    private static Set<String> scopes(String value, String field) {
        try {
            return Scopes.parse(value);
        } catch (OAuthException e) {
            throw invalid(field + " contains a character RFC 6749 §3.3 does not allow");
        }
    }

    private static boolean isUri(String value) {
        try {
            return new URI(value).getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    public static OAuthException invalid(String description) {
        return new OAuthException(OAuthError.INVALID_CLIENT_METADATA, description);
    }
}
