package dev.tessera.mfa.webauthn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.config.WebAuthnSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure parts of WebAuthn: RFC 8176 methods, the AAGUID allow-list, the origin, what is refused before any key. */
class PasskeyMethodsTest {

    @Test
    void aDeviceBoundKeyIsHwkASyncedOneSwkAndUserVerificationAddsMfa() {
        assertThat(PasskeyMethods.amr(false, true)).containsExactly("hwk", "user", "mfa");
        assertThat(PasskeyMethods.amr(true, true)).containsExactly("swk", "user", "mfa");
        assertThat(PasskeyMethods.amr(false, false)).containsExactly("hwk", "user");
    }

    @Test
    void anEmptyAllowListTakesAnyAuthenticatorAndASetOneOnlyItsModels() {
        WebAuthnSettings any = new WebAuthnSettings(List.of(), Duration.ofMinutes(5));
        assertThat(any.allows(null)).isTrue();
        WebAuthnSettings yubikey = new WebAuthnSettings(List.of(" CB69481E-8FF7-4039-93EC-0A2729A154A8 "), Duration.ofMinutes(5));
        assertThat(yubikey.allows("cb69481e-8ff7-4039-93ec-0a2729a154a8")).isTrue();
        assertThat(yubikey.allows("00000000-0000-0000-0000-000000000000")).isFalse();
        assertThat(yubikey.allows(null)).isFalse();
        assertThatThrownBy(() -> new WebAuthnSettings(List.of("yubikey"), Duration.ofMinutes(5))).hasMessageContaining("tessera.webauthn.allowed-aaguids");
        assertThatThrownBy(() -> new WebAuthnSettings(List.of(), Duration.ZERO)).hasMessageContaining("tessera.webauthn.challenge-lifetime");
    }

    @Test
    void theOriginIsTheIssuersSchemeHostAndPort() {
        assertThat(PasskeyCeremonies.origin("http://localhost:8080")).isEqualTo("http://localhost:8080");
        assertThat(PasskeyCeremonies.origin("https://sso.example.com/tenant")).isEqualTo("https://sso.example.com");
    }

    @Test
    void aResponseThatIsNotACredentialIsRefusedNotThrown() {
        assertThatThrownBy(() -> Verifier.assertionChallenge("{\"id\":\"x\"}")).isInstanceOf(Verifier.Refused.class);
        assertThatThrownBy(() -> Verifier.registrationChallenge("not json")).isInstanceOf(Verifier.Refused.class);
    }

    @Test
    void theUserHandleIsStableOpaqueAndWithinSixtyFourBytes() {
        assertThat(Passkeys.userHandle("sub-1")).isEqualTo(Passkeys.userHandle("sub-1")).isNotEqualTo(Passkeys.userHandle("sub-2"))
                .doesNotContain("sub-1").hasSizeLessThanOrEqualTo(64);
        assertThat(Passkeys.clean("  Laptop\u0007 ")).isEqualTo("Laptop");
        assertThat(Passkeys.clean("x".repeat(300))).hasSize(Passkeys.NAME_LENGTH);
    }
}
