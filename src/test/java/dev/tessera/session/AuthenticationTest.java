package dev.tessera.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The authentication facts as one value, and their one stored form (amr written and parsed in one place). */
class AuthenticationTest {
    static final Instant AT = Instant.parse("2026-04-01T07:00:00.250Z");

    @Test
    void storedAndReadBackItIsTheSameValue() {
        Authentication two = new Authentication(AT, List.of("pwd", "otp"), "urn:tessera:acr:password");
        Authentication none = new Authentication(AT, List.of(), null);

        assertThat(new StoredAuthentication(two).value()).isEqualTo(two);
        assertThat(new StoredAuthentication(none).value()).isEqualTo(none);
        assertThat(new StoredAuthentication(none).value().amr()).isEmpty();
    }

    @Test
    void amrIsNeverNullAndNotTheCallersList() {
        List<String> methods = new ArrayList<>(List.of("pwd"));
        Authentication authentication = new Authentication(AT, methods, null);
        methods.add("otp");

        assertThat(authentication.amr()).containsExactly("pwd");
        assertThat(new Authentication(AT, null, null).amr()).isEmpty();
    }

    @Test
    void authTimeIsRequired() {
        assertThatThrownBy(() -> new Authentication(null, List.of("pwd"), null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void noAuthenticationYetIsNoEmbeddedValue() {
        assertThat(StoredAuthentication.of(null)).isNull();
        assertThat(StoredAuthentication.valueOf(null)).isNull();
        Authentication one = new Authentication(AT, List.of("pwd"), null);
        assertThat(StoredAuthentication.valueOf(StoredAuthentication.of(one))).isEqualTo(one);
    }

    @Test
    void aSessionHandsOnItsSignInBoundToItself() {
        SignIn signIn = new SignIn("alice", new Authentication(AT, List.of("pwd"), "acr"), "sid-1");
        SsoSession session = new SsoSession("hash", signIn, false, AT, AT.plusSeconds(60), AT.plusSeconds(3600), SessionOrigin.UNKNOWN);

        assertThat(session.signIn()).isEqualTo(signIn);
        assertThat(session.authentication()).isEqualTo(signIn.authentication());
    }
}
