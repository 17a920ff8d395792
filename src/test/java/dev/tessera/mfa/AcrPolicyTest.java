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
        assertThat(password.metBy("urn:tessera:acr:kerberos")).isTrue();
        AcrRequirement mfa = AcrPolicy.requirement(Optional.empty(), AcrValues.MFA, List.of(), NO_FLOOR);
        assertThat(mfa.metBy("urn:tessera:acr:kerberos")).isFalse();
    }
}
