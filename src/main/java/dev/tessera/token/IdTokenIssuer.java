package dev.tessera.token;

import dev.tessera.config.Issuer;
import dev.tessera.config.TokenSettings;
import dev.tessera.keys.JwtSigner;
import dev.tessera.keys.SigningAlgorithm;
import dev.tessera.claims.ClaimsRequest;
import dev.tessera.claims.ScopeClaims;
import dev.tessera.session.Authentication;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * Mints ID tokens (OpenID Connect Core §2): signed with the client's id_token_signed_response_alg or
 * RS256, never unsigned. {@code azp} is always the client, so a relying party need not reason about
 * audiences; {@code at_hash} and {@code c_hash} use the hash of the signing algorithm (§3.2.2.9, §3.3.2.11).
 */
@ApplicationScoped
public class IdTokenIssuer {
    static final String GROUPS = "groups";

    @Inject
    Issuer issuer;

    @Inject
    JwtSigner signer;

    @Inject
    TokenSettings settings;

    @Inject
    Clock clock;

    public String issue(IdTokenRequest r) {
        SigningAlgorithm alg = SigningAlgorithm.fromJwsName(r.client().idTokenSigningAlg() == null ? "RS256" : r.client().idTokenSigningAlg())
                .orElse(SigningAlgorithm.RS256);
        Instant now = clock.instant();
        UserGrant grant = r.grant();
        JwtClaims claims = new JwtClaims();
        Set<String> requested = new LinkedHashSet<>(ClaimsRequest.requested(grant.claims(), ClaimsRequest.ID_TOKEN));
        if (r.client().idTokenGroups() && grant.scope().contains(GROUPS)) {
            // The client's id_token_groups setting: as if it had asked for {"id_token":{"groups":null}} (Core §5.5).
            requested.add(GROUPS);
        }
        Map<String, Object> userClaims = ScopeClaims.select(r.user().claims(), r.user().groups(),
                r.includeScopeClaims() ? grant.scope() : Set.of(), requested);
        userClaims.forEach(claims::setClaim);
        claims.setIssuer(issuer.url());
        claims.setSubject(r.user().subject());
        claims.setAudience(r.client().clientId());
        claims.setClaim("azp", r.client().clientId());
        claims.setIssuedAt(NumericDate.fromMilliseconds(now.toEpochMilli()));
        claims.setExpirationTime(NumericDate.fromMilliseconds(now.plus(settings.idTokenLifetime()).toEpochMilli()));
        Authentication authentication = grant.authentication();
        IdTokenRequest.Bindings bindings = r.bindings();
        claims.setClaim("auth_time", authentication.authTime().getEpochSecond());
        if (bindings.nonce() != null) {
            claims.setClaim("nonce", bindings.nonce());
        }
        if (authentication.acr() != null) {
            claims.setClaim("acr", authentication.acr());
        }
        if (!authentication.amr().isEmpty()) {
            claims.setStringListClaim("amr", authentication.amr());
        }
        if (grant.signIn().sid() != null) {
            claims.setClaim("sid", grant.signIn().sid());
        }
        if (bindings.accessToken() != null) {
            claims.setClaim("at_hash", halfHash(bindings.accessToken(), alg));
        }
        if (bindings.code() != null) {
            claims.setClaim("c_hash", halfHash(bindings.code(), alg));
        }
        return signer.sign(claims, alg, null);
    }

    /**
     * OpenID Connect Core §3.1.3.6: "the base64url encoding of the left-most half of the hash of the octets
     * of the ASCII representation" of the value, with the hash of the JWS algorithm: SHA-256 for RS256,
     * PS256 and ES256; SHA-512 for EdDSA with Ed25519.
     */
    static String halfHash(String value, SigningAlgorithm alg) {
        try {
            MessageDigest digest = MessageDigest.getInstance(alg == SigningAlgorithm.EDDSA ? "SHA-512" : "SHA-256");
            byte[] hash = digest.digest(value.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, hash.length / 2));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
