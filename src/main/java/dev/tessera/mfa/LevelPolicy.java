package dev.tessera.mfa;

import dev.tessera.claims.ClaimsRequest;
import dev.tessera.client.Client;
import dev.tessera.config.MfaSettings;
import dev.tessera.oauth.AcrValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@link AcrPolicy} of one authorization request, with the floors this server knows: its own minimum
 * ({@code tessera.mfa.minimum-acr}), the client's {@code require_mfa}, an administrator's requirement for the person.
 */
@ApplicationScoped
public class LevelPolicy {
    @Inject
    MfaSettings settings;

    @Inject
    Enrolments enrolments;

    public AcrRequirement requirement(String acrValues, String claims, Client client, String subject) {
        return AcrPolicy.requirement(ClaimsRequest.essentialAcr(claims), acrValues, client.defaultAcrValues(), floors(client, subject));
    }

    /**
     * The floors alone, for a grant without an authorization request (the password grant, the device flow), which
     * can ask for no level but must not go below one; {@code subject} null leaves out the person's floor.
     */
    public AcrRequirement floor(Client client, String subject) {
        return AcrPolicy.requirement(Optional.empty(), null, List.of(), floors(client, subject));
    }

    private List<String> floors(Client client, String subject) {
        List<String> floors = new ArrayList<>();
        floors.add(settings.minimumAcr());
        if (client.requireMfa() || (subject != null && enrolments.required(subject))) {
            floors.add(AcrValues.MFA);
        }
        return floors;
    }

    /** Whether a person without the factor a request needs may enrol it right after the password. */
    public boolean mayEnrolAtSignIn(String subject) {
        return settings.enrolAtSignIn() || enrolments.required(subject);
    }

    /** Whether the person can be asked for a second factor now, or enrol one. */
    public boolean canStepUp(String subject) {
        return enrolments.hasFactor(subject) || mayEnrolAtSignIn(subject);
    }
}
