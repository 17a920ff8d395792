package dev.tessera.kerberos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.user.PrincipalSignIns;
import java.util.ArrayList;
import java.util.List;
import org.ietf.jgss.GSSException;
import org.junit.jupiter.api.Test;

/** What the JDK acceptor's exceptions mean for the person and the audit trail, and what a header carries. */
class KerberosFailureTest {
    /** How the JDK wraps a Kerberos error: a GSSException FAILURE whose cause's message ends with the RFC 4120 code. */
    static GSSException jdk(String krbMessage) {
        GSSException e = new GSSException(GSSException.FAILURE, -1, krbMessage);
        e.initCause(new IllegalStateException(krbMessage));
        return e;
    }

    @Test
    void replayAndClockSkewAreToldApartFromOtherFailures() {
        assertThat(KerberosFailure.of(jdk("Request is a replay (34)"))).isEqualTo(KerberosFailure.REPLAY);
        assertThat(KerberosFailure.of(new GSSException(GSSException.DUPLICATE_TOKEN))).isEqualTo(KerberosFailure.REPLAY);
        assertThat(KerberosFailure.of(new GSSException(GSSException.OLD_TOKEN))).isEqualTo(KerberosFailure.REPLAY);
        assertThat(KerberosFailure.of(jdk("Clock skew too great (37)"))).isEqualTo(KerberosFailure.CLOCK_SKEW);
        assertThat(KerberosFailure.of(jdk("Checksum failed"))).isEqualTo(KerberosFailure.INVALID_TOKEN);
        assertThat(KerberosFailure.of(jdk("Specified version of key is not available (44)"))).isEqualTo(KerberosFailure.INVALID_TOKEN);
        assertThat(KerberosFailure.of(new GSSException(GSSException.DEFECTIVE_TOKEN))).isEqualTo(KerberosFailure.INVALID_TOKEN);
        assertThat(KerberosFailure.of(new GSSException(GSSException.NO_CRED))).isEqualTo(KerberosFailure.UNAVAILABLE);
    }

    @Test
    void eachFailureHasAMessageForThePersonAndAnOutcomeLabel() {
        assertThat(KerberosFailure.REPLAY.messageKey()).isEqualTo("login.error.kerberos-replay");
        assertThat(KerberosFailure.CLOCK_SKEW.messageKey()).isEqualTo("login.error.kerberos-clock");
        assertThat(KerberosFailure.CONTINUE_NEEDED.messageKey()).isEqualTo("login.error.kerberos-failed");
        assertThat(KerberosFailure.UNAVAILABLE.messageKey()).isEqualTo("login.error.unavailable");
        assertThat(KerberosFailure.values()).extracting(KerberosFailure::outcome).doesNotHaveDuplicates()
                .allSatisfy(o -> assertThat(o).matches("[a-z_]+"));
        assertThat(KerberosFailure.detail(jdk("Clock skew too great (37)"))).contains("Clock skew too great (37)");
    }

    @Test
    void onlyTheNegotiateSchemeCarriesAToken() {
        assertThat(KerberosSignIn.token("Negotiate YIIBxw==")).contains("YIIBxw==");
        assertThat(KerberosSignIn.token("negotiate   YIIBxw==  ")).contains("YIIBxw==");
        assertThat(KerberosSignIn.token("Negotiate")).isEmpty();
        assertThat(KerberosSignIn.token("Negotiate ")).isEmpty();
        assertThat(KerberosSignIn.token("Basic dXNlcjpwdw==")).isEmpty();
        assertThat(KerberosSignIn.token("NegotiateX YIIB")).isEmpty();
        assertThat(KerberosSignIn.token(null)).isEmpty();
    }

    /** Records what the sign-in reports instead of auditing it. */
    static final class Refusals extends PrincipalSignIns {
        final List<String> outcomes = new ArrayList<>();

        @Override
        public void refused(String outcome, String detail, String clientAddress) {
            outcomes.add(outcome);
        }
    }

    @Test
    void anNtlmTokenOrGarbageIsRefusedWithTheFormsMessageAndRecordedWithoutReachingTheAcceptor() {
        KerberosSignIn signIn = new KerberosSignIn();
        Refusals refusals = new Refusals();
        signIn.signIns = refusals;
        signIn.acceptor = null;

        assertThat(signIn.signIn("TlRMTVNTUAABAAAAB4IIogAAAAAAAAAAAAAAAAAAAAAKAGFKAAAADw==", "10.0.0.1"))
                .isEqualTo(new KerberosSignIn.Outcome.Refused("login.error.kerberos-failed"));
        assertThat(signIn.signIn("not base64 at all!", "10.0.0.1"))
                .isEqualTo(new KerberosSignIn.Outcome.Refused("login.error.kerberos-failed"));
        assertThat(refusals.outcomes).containsExactly("ntlm", "invalid_token");
    }
}
