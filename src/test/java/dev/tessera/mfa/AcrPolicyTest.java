package dev.tessera.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.oauth.AcrValues;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AcrPolicyTest {
    private static final List<String> NO_FLOOR = List.of(AcrValues.PASSWORD);

    @Test
    void nothingAskedNeedsOnlyASignIn() {
        AcrRequirement r = AcrPolicy.requirement(Optional.empty(), null, List.of(), NO_FLOOR);
        assertThat(r.acr()).isEqualTo(AcrValues.PASSWORD);
        assertThat(r.metBy(AcrValues.PASSWORD)).isTrue();
        assertThat(r.needsSecondFactor()).isFalse();
    }

    @Test
    void acrValuesAreVoluntaryAndTheWeakestKnownOneIsEnough() {
        AcrRequirement mfa = AcrPolicy.requirement(Optional.empty(), AcrValues.MFA, List.of(), NO_FLOOR);
        assertThat(mfa.acr()).isEqualTo(AcrValues.MFA);
        assertThat(mfa.essential()).isFalse();
        assertThat(mfa.metBy(AcrValues.PASSWORD)).isFalse();
        assertThat(mfa.metBy(AcrValues.MFA)).isTrue();
        AcrRequirement either = AcrPolicy.requirement(Optional.empty(), AcrValues.MFA + " " + AcrValues.PASSWORD, List.of(), NO_FLOOR);
        assertThat(either.acr()).isEqualTo(AcrValues.PASSWORD);
        AcrRequirement unknown = AcrPolicy.requirement(Optional.empty(), "urn:other:gold", List.of(), List.of());
        assertThat(unknown.unreachable()).isFalse();
        assertThat(unknown.metBy(AcrValues.PASSWORD)).isTrue();
    }

    @Test
    void anEssentialAcrWinsOverAcrValuesAndAnUnknownOneIsUnreachable() {
        AcrRequirement essential = AcrPolicy.requirement(Optional.of(List.of(AcrValues.MFA)), AcrValues.PASSWORD, List.of(), NO_FLOOR);
        assertThat(essential.acr()).isEqualTo(AcrValues.MFA);
        assertThat(essential.essential()).isTrue();
        AcrRequirement unreachable = AcrPolicy.requirement(Optional.of(List.of("urn:other:gold")), null, List.of(), NO_FLOOR);
        assertThat(unreachable.unreachable()).isTrue();
        assertThat(unreachable.metBy(AcrValues.MFA)).isFalse();
    }

    @Test
    void clientDefaultsApplyOnlyWhenTheRequestAsksNothing() {
        assertThat(AcrPolicy.requirement(Optional.empty(), null, List.of(AcrValues.MFA), NO_FLOOR).acr()).isEqualTo(AcrValues.MFA);
        assertThat(AcrPolicy.requirement(Optional.empty(), AcrValues.PASSWORD, List.of(AcrValues.MFA), NO_FLOOR).acr())
                .isEqualTo(AcrValues.PASSWORD);
    }

    @Test
    void floorsRaiseTheLevelAndMakeItEssential() {
        AcrRequirement floored = AcrPolicy.requirement(Optional.empty(), AcrValues.PASSWORD, List.of(), List.of(AcrValues.PASSWORD, AcrValues.MFA));
        assertThat(floored.acr()).isEqualTo(AcrValues.MFA);
        assertThat(floored.essential()).isTrue();
        assertThat(floored.needsSecondFactor()).isTrue();
    }

    @Test
    void aSignInAtALevelOutsideTheLadderMeetsThePasswordLevelOnly() {
        AcrRequirement password = AcrPolicy.requirement(Optional.empty(), null, List.of(), NO_FLOOR);
        assertThat(password.metBy("urn:other:gold")).isTrue();
        AcrRequirement mfa = AcrPolicy.requirement(Optional.empty(), AcrValues.MFA, List.of(), NO_FLOOR);
        assertThat(mfa.metBy("urn:other:gold")).isFalse();
    }

    /** Issue 20: Kerberos ranks above the password (a domain logon, not phishable by a page) and below mfa (one factor). */
    @Test
    void kerberosRanksAboveThePasswordAndBelowMfa() {
        assertThat(AcrValues.rank(AcrValues.KERBEROS)).isGreaterThan(AcrValues.rank(AcrValues.PASSWORD))
                .isLessThan(AcrValues.rank(AcrValues.MFA));
        AcrRequirement voluntary = AcrPolicy.requirement(Optional.empty(), AcrValues.KERBEROS, List.of(), NO_FLOOR);
        assertThat(voluntary.acr()).isEqualTo(AcrValues.KERBEROS);
        assertThat(voluntary.essential()).isFalse();
        assertThat(voluntary.needsSecondFactor()).isFalse();
        assertThat(voluntary.metBy(AcrValues.KERBEROS)).isTrue();
        assertThat(voluntary.metBy(AcrValues.MFA)).as("a higher level satisfies a lower one").isTrue();
        assertThat(voluntary.metBy(AcrValues.PASSWORD)).isFalse();
        AcrRequirement essential = AcrPolicy.requirement(Optional.of(List.of(AcrValues.KERBEROS)), null, List.of(), NO_FLOOR);
        assertThat(essential.essential()).isTrue();
        assertThat(essential.unreachable()).isFalse();
        AcrRequirement mfa = AcrPolicy.requirement(Optional.empty(), AcrValues.MFA, List.of(), NO_FLOOR);
        assertThat(mfa.metBy(AcrValues.KERBEROS)).as("a Kerberos session is one factor").isFalse();
        assertThat(AcrPolicy.requirement(Optional.empty(), null, List.of(), NO_FLOOR).metBy(AcrValues.KERBEROS)).isTrue();
        assertThat(AcrValues.ALWAYS_REACHABLE).as("advertised by KerberosMetadata only").doesNotContain(AcrValues.KERBEROS)
                .contains(AcrValues.PASSWORD, AcrValues.MFA);
    }
}
