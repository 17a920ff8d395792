package dev.tessera.mfa.webauthn;

import dev.tessera.oauth.AcrValues;
import java.util.ArrayList;
import java.util.List;

/**
 * The RFC 8176 methods a WebAuthn assertion states. {@code hwk} for a credential that cannot leave its authenticator
 * (a security key, a platform authenticator's device-bound key: the BE flag unset, Web Authentication §6.1) and
 * {@code swk} for one that may be synced (BE set: the key exists in software outside one piece of hardware);
 * {@code user} for the user presence test every accepted assertion passed (UP); {@code mfa} when the authenticator
 * also verified the person (UV: a PIN or biometric, which one the RP cannot tell, so neither {@code pin} nor
 * {@code fpt} is claimed).
 */
public final class PasskeyMethods {

    private PasskeyMethods() {
    }

    public static List<String> amr(boolean backupEligible, boolean userVerified) {
        List<String> amr = new ArrayList<>(List.of(backupEligible ? AcrValues.AMR_SWK : AcrValues.AMR_HWK, AcrValues.AMR_USER));
        if (userVerified) {
            amr.add(AcrValues.AMR_MFA);
        }
        return List.copyOf(amr);
    }
}
