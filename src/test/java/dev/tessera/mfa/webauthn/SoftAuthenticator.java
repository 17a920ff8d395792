package dev.tessera.mfa.webauthn;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * A software authenticator for tests without a browser (webauthn4j's own test emulators are not published for
 * 0.32.0): one ES256 credential on a JDK P-256 key, "none" attestation, a signature counter the test sets. Because
 * the test holds the key, it can do what a cloned authenticator does: sign with a counter below the one the server
 * stored (Web Authentication §6.1.1). The responses are the JSON that /static/webauthn.js posts.
 */
final class SoftAuthenticator {
    private static final byte UP = 0x01;
    private static final byte UV = 0x04;
    private static final byte AT = 0x40;
    private static final ObjectConverter CONVERTER = new ObjectConverter();

    private final KeyPair key;
    private final byte[] credentialId = new byte[32];
    private final String origin;
    private final byte[] rpIdHash;

    SoftAuthenticator(String origin, String rpId) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        key = generator.generateKeyPair();
        new SecureRandom().nextBytes(credentialId);
        this.origin = origin;
        rpIdHash = sha256(rpId.getBytes(StandardCharsets.UTF_8));
    }

    String credentialId() {
        return Verifier.b64(credentialId);
    }

    /** navigator.credentials.create(): a RegistrationResponseJSON for this challenge (base64url). */
    String register(String challenge, long counter) {
        AttestedCredentialData attested = new AttestedCredentialData(AAGUID.ZERO, credentialId,
                EC2COSEKey.create((ECPublicKey) key.getPublic(), COSEAlgorithmIdentifier.ES256));
        AuthenticatorData<RegistrationExtensionAuthenticatorOutput> data = new AuthenticatorData<>(rpIdHash, (byte) (UP | UV | AT), counter, attested);
        byte[] attestation = new AttestationObjectConverter(CONVERTER).convertToBytes(new AttestationObject(data, new NoneAttestationStatement()));
        return "{\"id\":\"" + credentialId() + "\",\"rawId\":\"" + credentialId() + "\",\"type\":\"public-key\",\"response\":{"
                + "\"clientDataJSON\":\"" + clientData("webauthn.create", challenge) + "\",\"attestationObject\":\"" + Verifier.b64(attestation)
                + "\",\"transports\":[\"internal\"]},\"authenticatorAttachment\":\"platform\",\"clientExtensionResults\":{\"credProps\":{\"rk\":true}}}";
    }

    /** navigator.credentials.get(): an AuthenticationResponseJSON signed with this counter and user handle (base64url). */
    String sign(String challenge, long counter, String userHandle) throws GeneralSecurityException {
        byte[] authData = new AuthenticatorDataConverter(CONVERTER).convert(new AuthenticatorData<>(rpIdHash, (byte) (UP | UV), counter));
        String clientData = clientData("webauthn.get", challenge);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key.getPrivate());
        signer.update(authData);
        signer.update(sha256(Base64.getUrlDecoder().decode(clientData)));
        return "{\"id\":\"" + credentialId() + "\",\"rawId\":\"" + credentialId() + "\",\"type\":\"public-key\",\"response\":{"
                + "\"clientDataJSON\":\"" + clientData + "\",\"authenticatorData\":\"" + Verifier.b64(authData) + "\",\"signature\":\""
                + Verifier.b64(signer.sign()) + "\",\"userHandle\":\"" + userHandle + "\"},\"authenticatorAttachment\":\"platform\","
                + "\"clientExtensionResults\":{}}";
    }

    private String clientData(String type, String challenge) {
        String json = "{\"type\":\"" + type + "\",\"challenge\":\"" + challenge + "\",\"origin\":\"" + origin + "\",\"crossOrigin\":false}";
        return Verifier.b64(json.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
