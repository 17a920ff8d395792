package dev.tessera.client;

import dev.tessera.persistence.FitsColumns;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A registered client. Every setting is a typed column (RFC 7591 §2 metadata plus Tessera's own
 * settings): no attribute bag, so a query, an index or a migration can see each one. Secrets are
 * never stored in clear: only their SHA-256 hash, plus an encrypted copy when the client uses
 * client_secret_jwt, whose HMAC needs the secret itself (RFC 7523 §2.2 with OpenID Connect Core §9).
 */
@Entity
@Table(name = "client")
@FitsColumns(unbounded = {"redirect_uris", "post_logout_redirect_uris", "allowed_scopes", "default_scopes", "allowed_resources",
    "jwks", "contacts", "token_exchange_audiences"})
public class Client {
    @Id
    @Column(name = "client_id", length = 128)
    private String clientId;

    @Column(name = "enabled", nullable = false)
    private boolean enabled = true;

    @Column(name = "secret_hash", length = 64)
    private String secretHash;

    @Column(name = "secret_enc", length = 512)
    private String encryptedSecret;

    @Column(name = "secret_expires_at")
    private Instant secretExpiresAt;

    @Column(name = "auth_method", nullable = false, length = 32)
    private String authMethod;

    @Column(name = "auth_signing_alg", length = 16)
    private String authSigningAlg;

    @Convert(converter = SpaceSeparatedConverter.class)
    @Column(name = "grant_types", length = 1000)
    private Set<String> grantTypes = Set.of();

    @Convert(converter = ResponseTypesConverter.class)
    @Column(name = "response_types", length = 1000)
    private Set<String> responseTypes = Set.of();

    @Convert(converter = SpaceSeparatedConverter.class)
    @Column(name = "redirect_uris", length = 4000)
    @Size(max = 20, message = "redirect_uris may list at most {max} URIs")
    private Set<String> redirectUris = Set.of();

    @Convert(converter = SpaceSeparatedConverter.class)
    @Column(name = "post_logout_redirect_uris", length = 4000)
    @Size(max = 20, message = "post_logout_redirect_uris may list at most {max} URIs")
    private Set<String> postLogoutRedirectUris = Set.of();

    @Convert(converter = SpaceSeparatedConverter.class)
    @Column(name = "allowed_scopes", length = 2000)
    @Size(max = 50, message = "scope may list at most {max} scopes")
    private Set<String> allowedScopes = Set.of();

    @Convert(converter = SpaceSeparatedConverter.class)
    @Column(name = "default_scopes", length = 2000)
    private Set<String> defaultScopes = Set.of();

    @Convert(converter = SpaceSeparatedConverter.class)
    @Column(name = "allowed_resources", length = 4000)
    private Set<String> allowedResources = Set.of();

    @Column(name = "access_token_format", nullable = false, length = 8)
    private String accessTokenFormat = AccessTokenFormat.JWT.wireName();

    @Column(name = "access_token_lifetime")
    private Integer accessTokenLifetimeSeconds;

    @Column(name = "access_token_signing_alg", length = 16)
    private String accessTokenSigningAlg;

    @Column(name = "refresh_token_lifetime")
    private Integer refreshTokenLifetimeSeconds;

    @Column(name = "refresh_token_idle")
    private Integer refreshTokenIdleSeconds;

    @Column(name = "refresh_token_reuse_interval")
    private Integer refreshTokenReuseIntervalSeconds;

    @Column(name = "id_token_signing_alg", length = 16)
    private String idTokenSigningAlg;

    @Column(name = "jwks", length = 8000)
    private String jwks;

    @Column(name = "jwks_uri", length = 1000)
    private String jwksUri;

    @Column(name = "require_pkce", nullable = false)
    private boolean requirePkce = true;

    @Column(name = "allow_plain_pkce", nullable = false)
    private boolean allowPlainPkce;

    @Column(name = "require_consent", nullable = false)
    private boolean requireConsent = true;

    @Column(name = "client_name", length = 200)
    private String clientName;

    @Column(name = "logo_uri", length = 1000)
    private String logoUri;

    @Column(name = "policy_uri", length = 1000)
    private String policyUri;

    @Column(name = "tos_uri", length = 1000)
    private String tosUri;

    @Convert(converter = SpaceSeparatedConverter.class)
    @Column(name = "contacts", length = 1000)
    @Size(max = 10, message = "contacts may list at most {max} addresses")
    private Set<String> contacts = Set.of();

    @Column(name = "backchannel_logout_uri", length = 1000)
    private String backchannelLogoutUri;

    @Column(name = "backchannel_logout_session_required", nullable = false)
    private boolean backchannelLogoutSessionRequired;

    @Column(name = "frontchannel_logout_uri", length = 1000)
    private String frontchannelLogoutUri;

    @Column(name = "frontchannel_logout_session_required", nullable = false)
    private boolean frontchannelLogoutSessionRequired;

    @Column(name = "initiate_login_uri", length = 1000)
    private String initiateLoginUri;

    @Convert(converter = SpaceSeparatedConverter.class)
    @Column(name = "token_exchange_audiences", length = 4000)
    private Set<String> tokenExchangeAudiences = Set.of();

    @Column(name = "token_exchange_refresh_tokens", nullable = false)
    private boolean tokenExchangeRefreshTokens;

    @Column(name = "id_token_groups", nullable = false)
    private boolean idTokenGroups;

    @Convert(converter = SpaceSeparatedConverter.class)
    @Column(name = "default_acr_values", length = 1000)
    private Set<String> defaultAcrValues = Set.of();

    @Column(name = "require_mfa", nullable = false)
    private boolean requireMfa;

    @Column(name = "registration_token_hash", length = 64)
    private String registrationTokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Client() {
    }

    public Client(String clientId, String authMethod, Instant now) {
        this.clientId = clientId;
        this.authMethod = authMethod;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public String clientId() { return clientId; }
    public boolean enabled() { return enabled; }
    public void enabled(boolean value) { enabled = value; }
    public String secretHash() { return secretHash; }
    public String encryptedSecret() { return encryptedSecret; }
    public Instant secretExpiresAt() { return secretExpiresAt; }

    /** Sets a new secret; the clear value never reaches this entity. */
    public void secret(String hash, String encrypted, Instant expiresAt) {
        secretHash = hash;
        encryptedSecret = encrypted;
        secretExpiresAt = expiresAt;
    }

    /** The {@code token_endpoint_auth_method} wire name; its {@link ClientAuthentication} checks this client. */
    public String authMethod() {
        return authMethod;
    }

    public void authMethod(String value) { authMethod = value; }
    public String authSigningAlg() { return authSigningAlg; }
    public void authSigningAlg(String value) { authSigningAlg = value; }
    public boolean isPublic() { return ClientAuthMethod.NONE.equals(authMethod); }
    public Set<String> grantTypes() { return grantTypes; }
    public void grantTypes(Set<String> value) { grantTypes = ordered(value); }
    public Set<String> responseTypes() { return responseTypes; }
    public void responseTypes(Set<String> value) { responseTypes = ordered(value); }
    public Set<String> redirectUris() { return redirectUris; }
    public void redirectUris(Set<String> value) { redirectUris = ordered(value); }
    public Set<String> postLogoutRedirectUris() { return postLogoutRedirectUris; }
    public void postLogoutRedirectUris(Set<String> value) { postLogoutRedirectUris = ordered(value); }
    public Set<String> allowedScopes() { return allowedScopes; }
    public void allowedScopes(Set<String> value) { allowedScopes = ordered(value); }
    public Set<String> defaultScopes() { return defaultScopes; }
    public void defaultScopes(Set<String> value) { defaultScopes = ordered(value); }
    public Set<String> allowedResources() { return allowedResources; }
    public void allowedResources(Set<String> value) { allowedResources = ordered(value); }

    public AccessTokenFormat accessTokenFormat() {
        return AccessTokenFormat.fromWireName(accessTokenFormat).orElse(AccessTokenFormat.JWT);
    }

    public void accessTokenFormat(AccessTokenFormat value) { accessTokenFormat = value.wireName(); }
    public Integer accessTokenLifetimeSeconds() { return accessTokenLifetimeSeconds; }
    public void accessTokenLifetimeSeconds(Integer value) { accessTokenLifetimeSeconds = value; }
    public String accessTokenSigningAlg() { return accessTokenSigningAlg; }
    public void accessTokenSigningAlg(String value) { accessTokenSigningAlg = value; }
    public Integer refreshTokenLifetimeSeconds() { return refreshTokenLifetimeSeconds; }
    public void refreshTokenLifetimeSeconds(Integer value) { refreshTokenLifetimeSeconds = value; }
    public Integer refreshTokenIdleSeconds() { return refreshTokenIdleSeconds; }
    public void refreshTokenIdleSeconds(Integer value) { refreshTokenIdleSeconds = value; }
    public Integer refreshTokenReuseIntervalSeconds() { return refreshTokenReuseIntervalSeconds; }
    public void refreshTokenReuseIntervalSeconds(Integer value) { refreshTokenReuseIntervalSeconds = value; }
    public String idTokenSigningAlg() { return idTokenSigningAlg; }
    public void idTokenSigningAlg(String value) { idTokenSigningAlg = value; }
    public String jwks() { return jwks; }
    public void jwks(String value) { jwks = value; }
    public String jwksUri() { return jwksUri; }
    public void jwksUri(String value) { jwksUri = value; }
    public boolean requirePkce() { return requirePkce; }
    public void requirePkce(boolean value) { requirePkce = value; }
    /** RFC 9700 §2.1.1: {@code plain} PKCE only for clients an administrator opted in. */
    public boolean allowPlainPkce() { return allowPlainPkce; }
    public void allowPlainPkce(boolean value) { allowPlainPkce = value; }
    public boolean requireConsent() { return requireConsent; }
    public void requireConsent(boolean value) { requireConsent = value; }
    public String clientName() { return clientName; }
    public void clientName(String value) { clientName = value; }
    public String logoUri() { return logoUri; }
    public void logoUri(String value) { logoUri = value; }
    public String policyUri() { return policyUri; }
    public void policyUri(String value) { policyUri = value; }
    public String tosUri() { return tosUri; }
    public void tosUri(String value) { tosUri = value; }
    public Set<String> contacts() { return contacts; }
    public void contacts(Set<String> value) { contacts = ordered(value); }
    public String backchannelLogoutUri() { return backchannelLogoutUri; }
    public void backchannelLogoutUri(String value) { backchannelLogoutUri = value; }
    /** Back-Channel Logout 1.0 §2.2: the client needs {@code sid} in logout tokens (Tessera always sends it with a session). */
    public boolean backchannelLogoutSessionRequired() { return backchannelLogoutSessionRequired; }
    public void backchannelLogoutSessionRequired(boolean value) { backchannelLogoutSessionRequired = value; }
    /** Front-Channel Logout 1.0 §2: the page the logout page loads in an iframe to sign the person out here. */
    public String frontchannelLogoutUri() { return frontchannelLogoutUri; }
    public void frontchannelLogoutUri(String value) { frontchannelLogoutUri = value; }
    /** Front-Channel Logout 1.0 §2: the client needs {@code iss} and {@code sid} on its front-channel logout URI. */
    public boolean frontchannelLogoutSessionRequired() { return frontchannelLogoutSessionRequired; }
    public void frontchannelLogoutSessionRequired(boolean value) { frontchannelLogoutSessionRequired = value; }
    /** OpenID Connect Core §4: where a third party may send the browser to make this client start a login. */
    public String initiateLoginUri() { return initiateLoginUri; }
    public void initiateLoginUri(String value) { initiateLoginUri = value; }
    /** RFC 8693 §2.1: the audience and resource values this client may exchange tokens for; nothing else. */
    public Set<String> tokenExchangeAudiences() { return tokenExchangeAudiences; }
    public void tokenExchangeAudiences(Set<String> value) { tokenExchangeAudiences = ordered(value); }
    /** Whether a token exchange may also hand this client a refresh token (RFC 8693 §2.2.1); off by default. */
    public boolean tokenExchangeRefreshTokens() { return tokenExchangeRefreshTokens; }
    public void tokenExchangeRefreshTokens(boolean value) { tokenExchangeRefreshTokens = value; }
    /** Whether the ID token carries {@code groups} when the groups scope is granted, not only userinfo; off by default. */
    public boolean idTokenGroups() { return idTokenGroups; }
    public void idTokenGroups(boolean value) { idTokenGroups = value; }
    /** The acr values a request of this client asks for when it names none (OpenID Connect Registration §2). */
    public Set<String> defaultAcrValues() { return defaultAcrValues; }
    public void defaultAcrValues(Set<String> value) { defaultAcrValues = ordered(value); }
    /** Whether every sign-in for this client needs a second factor; off by default. */
    public boolean requireMfa() { return requireMfa; }
    public void requireMfa(boolean value) { requireMfa = value; }
    public String registrationTokenHash() { return registrationTokenHash; }
    public void registrationTokenHash(String value) { registrationTokenHash = value; }
    public Instant createdAt() { return createdAt; }

    private static Set<String> ordered(Set<String> value) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(value));
    }
    public Instant updatedAt() { return updatedAt; }
    public void touched(Instant now) { updatedAt = now; }
}
