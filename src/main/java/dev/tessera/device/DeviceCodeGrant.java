package dev.tessera.device;

import dev.tessera.client.Client;
import dev.tessera.oauth.DeviceParameters;
import dev.tessera.oauth.GrantTypes;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.token.ArtifactGrants;
import dev.tessera.token.GrantHandler;
import dev.tessera.token.TokenRequest;
import dev.tessera.token.TokenResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The device code grant at the token endpoint (RFC 8628 §3.4, §3.5): poll, turn the answer into its
 * error code, or issue the user's tokens once the code is approved and redeemed. It lives here, not in
 * {@code token/grant/}, so that {@code device/} depends on {@code token/} and never the reverse.
 *
 * <p>The tokens are not tied to the browser's SSO session (no {@code sid}): the device is a user agent of
 * its own, and signing out on the phone that approved it should not sign the television out. A replayed
 * device code revokes what it produced, as a replayed authorization code does (RFC 6749 §4.1.2).
 */
@ApplicationScoped
public class DeviceCodeGrant implements GrantHandler {
    private static final String INVALID = "The device code is invalid or already used";

    @Inject
    DeviceCodes codes;

    @Inject
    ArtifactGrants grants;

    @Override
    public String grantType() {
        return GrantTypes.DEVICE_CODE;
    }

    @Override
    public TokenResponse handle(TokenRequest request) {
        Client client = request.client();
        // RFC 8628 §3.4: device_code "REQUIRED. The device verification code".
        DeviceCodes.Poll poll = codes.poll(request.form().require(DeviceParameters.DEVICE_CODE), client.clientId());
        DeviceCode code = poll.code();
        return switch (poll.answer()) {
            // No nonce: there was no authorization request (OpenID Connect Core §2).
            case ISSUE -> grants.issue(client, code, null);
            case AUTHORIZATION_PENDING -> throw new OAuthException(OAuthError.AUTHORIZATION_PENDING, "The user has not yet decided");
            case SLOW_DOWN -> throw new OAuthException(OAuthError.SLOW_DOWN,
                    "Polling too fast: wait at least " + code.intervalSeconds() + " seconds between requests");
            case ACCESS_DENIED -> throw new OAuthException(OAuthError.ACCESS_DENIED, "The user denied the request");
            case EXPIRED_TOKEN -> throw new OAuthException(OAuthError.EXPIRED_TOKEN, "The device code has expired; start again");
            case REDEEMED -> throw replayed(code);
            case UNKNOWN -> throw new OAuthException(OAuthError.INVALID_GRANT, INVALID);
        };
    }

    private OAuthException replayed(DeviceCode code) {
        grants.revokeReplayed(code);
        return new OAuthException(OAuthError.INVALID_GRANT, INVALID, "device code replayed: grant " + code.grantId() + " revoked");
    }
}
