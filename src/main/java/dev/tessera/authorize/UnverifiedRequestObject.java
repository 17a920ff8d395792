package dev.tessera.authorize;

import dev.tessera.oauth.AuthorizeParameters;
import dev.tessera.oauth.JsonParsing;
import java.util.Map;
import java.util.Optional;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;

/**
 * What a request object Tessera refuses (OpenID Connect Core §6: not supported yet) says about where its
 * error should go: {@code response_mode} and {@code state}, read without verifying its signature. This is
 * safe because it decides nothing but the encoding of an error to the redirect URI phase one already
 * verified from the outer request (RFC 9700 §4.11.2), and only where the outer request names none; it lets a
 * relying party that put {@code response_mode=form_post} inside the object receive the error the way it
 * listens for it. An encrypted or malformed object yields nothing.
 */
record UnverifiedRequestObject(Optional<ResponseMode> responseMode, Optional<String> state) {
    private static final UnverifiedRequestObject NOTHING = new UnverifiedRequestObject(Optional.empty(), Optional.empty());

    static UnverifiedRequestObject peek(String compact) {
        Map<String, Object> claims;
        try {
            if (!(JsonWebStructure.fromCompactSerialization(compact) instanceof JsonWebSignature jws)) {
                return NOTHING;
            }
            claims = JsonParsing.parse(jws.getUnverifiedPayload());
        } catch (JoseException | IllegalArgumentException | ClassCastException e) {
            // Hostile input: jose4j reports bad base64 and JSON of the wrong shape as these.
            return NOTHING;
        }
        Optional<ResponseMode> mode = claims.get(AuthorizeParameters.RESPONSE_MODE) instanceof String m
                ? ResponseMode.fromWireName(m) : Optional.empty();
        Optional<String> state = claims.get(AuthorizeParameters.STATE) instanceof String s && !s.isEmpty()
                ? Optional.of(s) : Optional.empty();
        return new UnverifiedRequestObject(mode, state);
    }
}
