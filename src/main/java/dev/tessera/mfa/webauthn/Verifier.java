package dev.tessera.mfa.webauthn;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticatorTransport;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.MaliciousCounterValueException;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The ceremonies' checks, by webauthn4j, for one relying party (the issuer's origin and host as RP ID): registration
 * (Web Authentication §7.1) and authentication (§7.2), including the signature counter rule of §7.2 step 21, which
 * webauthn4j answers with {@code MaliciousCounterValueException}. Attestation statements are parsed but not chained
 * to a trust root ("none" is what Tessera asks for; the AAGUID allow-list is applied by the caller).
 */
public final class Verifier {
    static final List<Long> ALGORITHMS = List.of(-7L, -8L, -257L);
    private static final List<PublicKeyCredentialParameters> PARAMETERS = List.of(
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.EdDSA),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));
    private static final ObjectConverter CONVERTER = new ObjectConverter();
    private static final WebAuthnManager MANAGER = WebAuthnManager.createNonStrictWebAuthnManager(CONVERTER);

    private final String origin;
    private final String rpId;

    Verifier(String origin, String rpId) {
        this.origin = origin;
        this.rpId = rpId;
    }

    /** What a verified registration yields for the credential record. */
    public record Registered(String credentialId, String publicKey, long signCount, String aaguid, String transports,
            Boolean discoverable, boolean backupEligible, boolean userVerified) {
    }

    /** What a verified assertion yields. */
    public record Asserted(long signCount, boolean userVerified, String userHandle) {
    }

    /** Thrown for any response that does not verify; {@code clone} when the signature counter went backwards. */
    static final class Refused extends Exception {
        final boolean clone;

        Refused(String message, boolean clone, Throwable cause) {
            super(message, cause);
            this.clone = clone;
        }
    }

    /** The challenge (base64url) the browser signed over, to find the server's record before verifying. */
    static String registrationChallenge(String json) throws Refused {
        try {
            return b64(MANAGER.parseRegistrationResponseJSON(json).getCollectedClientData().getChallenge().getValue());
        } catch (RuntimeException e) { // webauthn4j and Jackson report a malformed or wrong response unchecked
            throw new Refused("unreadable registration response", false, e);
        }
    }

    static String assertionChallenge(String json) throws Refused {
        try {
            return b64(MANAGER.parseAuthenticationResponseJSON(json).getCollectedClientData().getChallenge().getValue());
        } catch (RuntimeException e) { // webauthn4j and Jackson report a malformed or wrong response unchecked
            throw new Refused("unreadable assertion", false, e);
        }
    }

    /** The credential id (base64url) an assertion names. */
    static String assertionCredentialId(String json) throws Refused {
        try {
            return b64(MANAGER.parseAuthenticationResponseJSON(json).getCredentialId());
        } catch (RuntimeException e) { // webauthn4j and Jackson report a malformed or wrong response unchecked
            throw new Refused("unreadable assertion", false, e);
        }
    }

    Registered register(String json, String challenge, boolean userVerificationRequired) throws Refused {
        try {
            RegistrationData data = MANAGER.parseRegistrationResponseJSON(json);
            MANAGER.verify(data, new RegistrationParameters(server(challenge), PARAMETERS, userVerificationRequired, true));
            AuthenticatorData<?> authData = data.getAttestationObject().getAuthenticatorData();
            AttestedCredentialData credential = authData.getAttestedCredentialData();
            Set<AuthenticatorTransport> transports = data.getTransports();
            var credProps = data.getClientExtensions() == null ? null : data.getClientExtensions().getCredProps();
            return new Registered(b64(credential.getCredentialId()), b64(CONVERTER.getCborConverter().writeValueAsBytes(credential.getCOSEKey())),
                    authData.getSignCount(), credential.getAaguid() == null ? null : credential.getAaguid().getValue().toString(),
                    transports == null ? "" : transports.stream().map(AuthenticatorTransport::getValue).sorted().collect(Collectors.joining(" ")),
                    credProps == null ? null : credProps.getRk(), authData.isFlagBE(), authData.isFlagUV());
        } catch (RuntimeException e) { // webauthn4j and Jackson report a malformed or wrong response unchecked
            throw new Refused("registration refused: " + e.getClass().getSimpleName(), false, e);
        }
    }

    Asserted authenticate(String json, String challenge, WebAuthnCredential stored, boolean userVerificationRequired) throws Refused {
        try {
            AuthenticationData data = MANAGER.parseAuthenticationResponseJSON(json);
            COSEKey key = CONVERTER.getCborConverter().readValue(Base64.getUrlDecoder().decode(stored.publicKey()), COSEKey.class);
            AttestedCredentialData attested = new AttestedCredentialData(stored.aaguid() == null ? AAGUID.ZERO : new AAGUID(stored.aaguid()),
                    Base64.getUrlDecoder().decode(stored.credentialId()), key);
            CredentialRecordImpl record = new CredentialRecordImpl(new NoneAttestationStatement(), null, stored.backupEligible(), null,
                    stored.signCount(), attested, null, null, null, null);
            MANAGER.verify(data, new AuthenticationParameters(server(challenge), record, null, userVerificationRequired, true));
            AuthenticatorData<?> authData = data.getAuthenticatorData();
            return new Asserted(authData.getSignCount(), authData.isFlagUV(), data.getUserHandle() == null ? null : b64(data.getUserHandle()));
        } catch (MaliciousCounterValueException e) {
            throw new Refused("signature counter went backwards", true, e);
        } catch (RuntimeException e) { // webauthn4j and Jackson report a malformed or wrong response unchecked
            throw new Refused("assertion refused: " + e.getClass().getSimpleName(), false, e);
        }
    }

    private ServerProperty server(String challenge) {
        return new ServerProperty(Origin.create(origin), rpId, new DefaultChallenge(Base64.getUrlDecoder().decode(challenge)));
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
