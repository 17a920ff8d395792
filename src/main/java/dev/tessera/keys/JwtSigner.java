package dev.tessera.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwa.AlgorithmFactoryFactory;
import org.jose4j.jwa.CryptoPrimitive;
import org.jose4j.jws.JsonWebSignatureAlgorithm;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jca.ProviderContext;
import org.jose4j.lang.JoseException;

/**
 * Signs JWTs with the active key of the requested algorithm; everything Tessera signs goes through here.
 *
 * <p>This is the hot path of the token endpoint, so it does per token only what differs per token: the
 * payload's JSON and base64url and the signature. The protected header of a key (alg, kid, typ) is
 * encoded once; each request thread keeps its jose4j signing primitive (an initialised
 * {@code java.security.Signature}, RFC 7515 §5.1 step 5) per key, as a signature object returns to its
 * initialised state after {@code sign()}. jose4j's algorithms still produce every signature (including the
 * RFC 7518 §3.4 R||S form of ECDSA), and base64url is the JDK's (RFC 7515 §2: no padding).
 */
@ApplicationScoped
public class JwtSigner {
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    /** A thread holds primitives for at most this many keys; rotation leaves retired ones behind. */
    private static final int PRIMITIVES_PER_THREAD = 16;
    private static final ThreadLocal<Map<String, CryptoPrimitive>> PRIMITIVES = ThreadLocal.withInitial(HashMap::new);

    @Inject
    KeyRing ring;

    private final Map<String, String> encodedHeaders = new ConcurrentHashMap<>();

    /**
     * @param typ the {@code typ} header, e.g. {@code at+jwt} for RFC 9068 access tokens; null for none
     * @throws IllegalStateException when the algorithm has no active key (not enabled, or start-up failed)
     */
    public String sign(JwtClaims claims, SigningAlgorithm algorithm, String typ) {
        LoadedKey key = ring.active(algorithm).orElseThrow(() -> new IllegalStateException(
                "No active " + algorithm.jwsName() + " signing key; is it enabled in tessera.keys.algorithms?"));
        String signingInput = encodedHeader(key, typ) + '.'
                + BASE64URL.encodeToString(claims.toJson().getBytes(StandardCharsets.UTF_8));
        byte[] signature = signature(key, signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + '.' + BASE64URL.encodeToString(signature);
    }

    private String encodedHeader(LoadedKey key, String typ) {
        return encodedHeaders.computeIfAbsent(key.kid() + ' ' + typ, k -> {
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("alg", key.algorithm().jwsName());
            header.put("kid", key.kid());
            if (typ != null) {
                header.put("typ", typ);
            }
            return BASE64URL.encodeToString(JsonUtil.toJson(header).getBytes(StandardCharsets.UTF_8));
        });
    }

    private static byte[] signature(LoadedKey key, byte[] signingInput) {
        Map<String, CryptoPrimitive> primitives = PRIMITIVES.get();
        try {
            CryptoPrimitive primitive = primitives.get(key.kid());
            if (primitive == null) {
                if (primitives.size() >= PRIMITIVES_PER_THREAD) {
                    primitives.clear();
                }
                primitive = algorithm(key).prepareForSign(key.jwk().getPrivateKey(), new ProviderContext());
                primitives.put(key.kid(), primitive);
            }
            return algorithm(key).sign(primitive, signingInput);
        } catch (JoseException | RuntimeException e) {
            // A failed sign() may leave the signature object in any state: never reuse it.
            primitives.remove(key.kid());
            throw new IllegalStateException("Signing with " + key.kid() + " failed", e);
        }
    }

    private static JsonWebSignatureAlgorithm algorithm(LoadedKey key) throws JoseException {
        return AlgorithmFactoryFactory.getInstance().getJwsAlgorithmFactory().getAlgorithm(key.algorithm().jwsName());
    }
}
