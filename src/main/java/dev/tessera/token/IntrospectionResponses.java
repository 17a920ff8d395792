package dev.tessera.token;

import dev.tessera.client.Client;
import dev.tessera.config.Issuer;
import dev.tessera.keys.JwtSigner;
import dev.tessera.keys.SigningAlgorithm;
import dev.tessera.oauth.JsonFactories;
import dev.tessera.oauth.JsonParsing;
import dev.tessera.oauth.OAuthParameters;
import dev.tessera.oauth.Scopes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/** Builds introspection answers: RFC 7662 §2.2 JSON, and its RFC 9701 signed form. */
@ApplicationScoped
public class IntrospectionResponses {
    static final String JWT_TYPE = "token-introspection+jwt";

    @Inject
    Issuer issuer;

    @Inject
    JwtSigner signer;

    @Inject
    Clock clock;

    public JsonObject json(Optional<TokenClaims> token) {
        if (token.isEmpty()) {
            // RFC 7662 §2.2: for an inactive token the server "SHOULD NOT include any additional information".
            return JsonFactories.BUILDERS.createObjectBuilder().add("active", false).build();
        }
        TokenClaims claims = token.get();
        JsonObjectBuilder json = JsonFactories.BUILDERS.createObjectBuilder()
                .add("active", true)
                .add("iss", issuer.url())
                .add("client_id", claims.clientId())
                .add("sub", claims.subject())
                .add("token_type", String.valueOf(claims.extra().getOrDefault("token_type", OAuthParameters.BEARER)))
                .add("exp", claims.expiresAt().getEpochSecond())
                .add("jti", claims.jti());
        if (claims.issuedAt() != null) {
            json.add("iat", claims.issuedAt().getEpochSecond());
        }
        if (!claims.scope().isEmpty()) {
            json.add("scope", Scopes.format(claims.scope()));
        }
        if (!claims.audiences().isEmpty()) {
            JsonArrayBuilder aud = JsonFactories.BUILDERS.createArrayBuilder();
            claims.audiences().forEach(aud::add);
            json.add("aud", aud);
        }
        claims.extra().entrySet().stream().filter(e -> !e.getKey().equals("token_type")).forEach(e -> {
            String name = e.getKey();
            Object value = e.getValue();
            json.add(name, JsonFactories.READERS.createReader(new StringReader(JsonUtil.toJson(Map.of("v", value)))).readObject().get("v"));
        });
        return json.build();
    }

    /** RFC 9701 §5: a JWT of type token-introspection+jwt whose token_introspection claim is the answer. */
    public String signed(JsonObject answer, Client caller) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer.url());
        claims.setAudience(caller.clientId());
        claims.setIssuedAt(NumericDate.fromMilliseconds(clock.millis()));
        try {
            claims.setClaim("token_introspection", JsonParsing.parse(answer.toString()));
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
        // RFC 9701 §6: introspection_signed_response_alg "The default, if omitted, is RS256". Tessera has no
        // per-client setting for it yet, so every signed introspection response is RS256.
        return signer.sign(claims, SigningAlgorithm.RS256, JWT_TYPE);
    }
}
