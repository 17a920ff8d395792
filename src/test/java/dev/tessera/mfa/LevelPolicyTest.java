package dev.tessera.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.client.Client;
import dev.tessera.client.ClientAuthMethod;
import dev.tessera.oauth.AcrValues;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The floors and the enrolment decision of one server configuration (issue 20 point 4). */
class LevelPolicyTest {
    private final Client client = new Client("app", ClientAuthMethod.CLIENT_SECRET_BASIC, Instant.EPOCH);

    @Test
    void enrolAtSignInIsTheServerSettingOrAnAdministratorsRequirement() {
        LevelPolicy off = LevelPolicies.of(AcrValues.PASSWORD, Set.of("required"), Set.of("enrolled"), false);
        assertThat(off.mayEnrolAtSignIn("plain")).isFalse();
        assertThat(off.canStepUp("plain")).as("no factor, no enrolment: the unmet page").isFalse();
        assertThat(off.mayEnrolAtSignIn("required")).isTrue();
        assertThat(off.canStepUp("enrolled")).isTrue();
        LevelPolicy on = LevelPolicies.of(AcrValues.PASSWORD, Set.of(), Set.of(), true);
        assertThat(on.mayEnrolAtSignIn("plain")).as("tessera.mfa.enrol-at-sign-in=true").isTrue();
        assertThat(on.canStepUp("plain")).isTrue();
    }

    @Test
    void theFloorsAloneAreTheServersTheClientsAndThePersons() {
        LevelPolicy policy = LevelPolicies.of(AcrValues.PASSWORD, Set.of("required"), Set.of(), false);
        assertThat(policy.floor(client, "plain").metBy(AcrValues.PASSWORD)).isTrue();
        assertThat(policy.floor(client, null).metBy(AcrValues.PASSWORD)).isTrue();
        AcrRequirement person = policy.floor(client, "required");
        assertThat(person.essential()).isTrue();
        assertThat(person.metBy(AcrValues.PASSWORD)).isFalse();
        assertThat(person.metBy(AcrValues.KERBEROS)).isFalse();
        assertThat(person.metBy(AcrValues.MFA)).isTrue();
        client.requireMfa(true);
        assertThat(policy.floor(client, null).metBy(AcrValues.KERBEROS)).as("require_mfa").isFalse();
        client.requireMfa(false);
        client.defaultAcrValues(Set.of(AcrValues.MFA));
        assertThat(policy.floor(client, "plain").metBy(AcrValues.PASSWORD)).as("default_acr_values is asked, not a floor").isTrue();
        LevelPolicy kerberosMinimum = LevelPolicies.of(AcrValues.KERBEROS, Set.of(), Set.of(), false);
        assertThat(kerberosMinimum.floor(client, null).metBy(AcrValues.PASSWORD)).isFalse();
        assertThat(kerberosMinimum.floor(client, null).metBy(AcrValues.KERBEROS)).isTrue();
    }
}
