package dev.tessera.mfa.webauthn;

import dev.tessera.audit.AuditEvent;
import dev.tessera.audit.AuditLog;
import dev.tessera.audit.AuditType;
import dev.tessera.config.Issuer;
import dev.tessera.config.WebAuthnSettings;
import dev.tessera.mfa.webauthn.Challenges.Purpose;
import dev.tessera.oauth.JsonFactories;
import dev.tessera.user.LoginThrottle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The three ceremonies the pages run: registering a credential (account page), a second factor after the password
 * (the second-step page), a passwordless sign-in with a discoverable credential (login page). Each hands the page its
 * options (PublicKeyCredentialCreationOptionsJSON / RequestOptionsJSON, Web Authentication §5.4 and §5.5) with a
 * fresh challenge bound to the browser session ({@code binding}), then checks the response: the challenge once,
 * then origin, RP ID, signature and counter ({@link Verifier}). Every outcome is audited. Assertions count in the
 * second-step throttle of one-time codes ({@link LoginThrottle}, issue 20: "attempts throttled with the same machinery
 * as passwords"): each refusal whose person is known counts against them, a locked person's assertion is refused
 * unchecked, a verified one clears the count.
 */
@ApplicationScoped
public class PasskeyCeremonies {
    @Inject
    Passkeys passkeys;

    @Inject
    Challenges challenges;

    @Inject
    WebAuthnSettings settings;

    @Inject
    Issuer issuer;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    LoginThrottle throttle;

    /** A proved credential: whose, and the RFC 8176 methods the assertion showed. */
    public record Proof(String subject, List<String> amr) {
    }

    public String registrationOptions(String subject, String username, String binding) {
        JsonArrayBuilder exclude = JsonFactories.BUILDERS.createArrayBuilder();
        passkeys.credentials(subject).forEach(c -> exclude.add(descriptor(c)));
        JsonArrayBuilder params = JsonFactories.BUILDERS.createArrayBuilder();
        Verifier.ALGORITHMS.forEach(alg -> params.add(JsonFactories.BUILDERS.createObjectBuilder().add("type", "public-key").add("alg", alg)));
        return JsonFactories.BUILDERS.createObjectBuilder()
                .add("rp", JsonFactories.BUILDERS.createObjectBuilder().add("id", rpId()).add("name", rpId()))
                .add("user", JsonFactories.BUILDERS.createObjectBuilder().add("id", handle(subject)).add("name", username).add("displayName", username))
                .add("challenge", challenges.issue(Purpose.REGISTER, binding, subject))
                .add("pubKeyCredParams", params).add("timeout", settings.challengeLifetime().toMillis())
                .add("excludeCredentials", exclude)
                .add("authenticatorSelection", JsonFactories.BUILDERS.createObjectBuilder().add("residentKey", "preferred")
                        .add("requireResidentKey", false).add("userVerification", "preferred"))
                .add("attestation", settings.allowedAaguids().isEmpty() ? "none" : "direct")
                .add("extensions", JsonFactories.BUILDERS.createObjectBuilder().add("credProps", true)).build().toString();
    }

    /** Empty when refused (a wrong or used challenge, a response that does not verify, a model not allowed). */
    public Optional<String> register(String subject, String binding, String json, String name, String address) {
        if (json == null || json.isBlank()) {
            return refused(subject, address, "no response");
        }
        try {
            String challenge = Verifier.registrationChallenge(json);
            if (!challenges.consume(challenge, Purpose.REGISTER, binding, subject)) {
                return refused(subject, address, "unknown, used or expired challenge");
            }
            Verifier.Registered registered = verifier().register(json, challenge, false);
            if (!settings.allows(registered.aaguid())) {
                return refused(subject, address, "authenticator model not allowed");
            }
            if (passkeys.byCredentialId(registered.credentialId()).isPresent()) {
                return refused(subject, address, "credential already registered");
            }
            passkeys.store(subject, registered, name, clock.instant());
            audit.record(AuditEvent.now(AuditType.MFA_ENROLLED, subject, subject, null, address, Map.of("type", Passkeys.TYPE)));
            return Optional.of(Passkeys.rowId(registered.credentialId()));
        } catch (Verifier.Refused e) {
            return refused(subject, address, e.getMessage());
        }
    }

    /**
     * Options for an assertion. With a subject: a second factor, listing the person's credentials; without: a
     * passwordless sign-in, where the authenticator offers its discoverable credentials and must verify the person.
     */
    public String authenticationOptions(String subject, String binding) {
        JsonArrayBuilder allow = JsonFactories.BUILDERS.createArrayBuilder();
        if (subject != null) {
            passkeys.credentials(subject).forEach(c -> allow.add(descriptor(c)));
        }
        return JsonFactories.BUILDERS.createObjectBuilder()
                .add("challenge", challenges.issue(subject == null ? Purpose.PASSWORDLESS : Purpose.SECOND_FACTOR, binding, subject))
                .add("rpId", rpId()).add("timeout", settings.challengeLifetime().toMillis()).add("allowCredentials", allow)
                .add("userVerification", subject == null ? "required" : "preferred").build().toString();
    }

    /** Checks an assertion; {@code subject} null for a passwordless sign-in. Empty when refused. */
    public Optional<Proof> authenticate(String subject, String binding, String json, String address) {
        boolean passwordless = subject == null;
        WebAuthnCredential credential = null;
        if (json == null || json.isBlank()) {
            return refusedProof(subject, address, "no response");
        }
        try {
            String challenge = Verifier.assertionChallenge(json);
            Optional<WebAuthnCredential> found = passkeys.byCredentialId(Verifier.assertionCredentialId(json));
            if (found.isEmpty() || (!passwordless && !found.get().subject().equals(subject))) {
                return refusedProof(subject, address, "unknown credential");
            }
            credential = found.get();
            if (throttled(credential.subject())) {
                audit.record(AuditEvent.now(AuditType.MFA_FAILED, credential.subject(), credential.subject(), null, address,
                        Map.of("factor", Passkeys.TYPE, "reason", "throttled")));
                return Optional.empty();
            }
            if (!challenges.consume(challenge, passwordless ? Purpose.PASSWORDLESS : Purpose.SECOND_FACTOR, binding, subject)) {
                return refusedProof(credential.subject(), address, "unknown, used or expired challenge");
            }
            Verifier.Asserted asserted = verifier().authenticate(json, challenge, credential, passwordless);
            if (passwordless && !handle(credential.subject()).equals(asserted.userHandle())) {
                return refusedProof(credential.subject(), address, "user handle does not match");
            }
            if (!passkeys.used(credential, asserted.signCount(), clock.instant())) {
                return refusedProof(credential.subject(), address, "credential used concurrently");
            }
            throttle.clearSecondFactor(credential.subject());
            audit.record(AuditEvent.now(AuditType.MFA_SUCCEEDED, credential.subject(), credential.subject(), null, address,
                    Map.of("factor", Passkeys.TYPE, "passwordless", String.valueOf(passwordless))));
            return Optional.of(new Proof(credential.subject(), PasskeyMethods.amr(credential.backupEligible(), asserted.userVerified())));
        } catch (Verifier.Refused e) {
            String who = credential == null ? subject : credential.subject();
            if (e.clone) {
                audit.record(AuditEvent.now(AuditType.MFA_CLONE_SUSPECTED, who, who, null, address, Map.of("credential", credential.id())));
            }
            return refusedProof(who, address, e.getMessage());
        }
    }

    private Optional<String> refused(String subject, String address, String reason) {
        audit.record(AuditEvent.now(AuditType.MFA_FAILED, subject, subject, null, address, Map.of("factor", Passkeys.TYPE, "reason", reason)));
        return Optional.empty();
    }

    /** A refusal counts against the person it is known to concern (a passwordless attempt naming no known credential: nobody). */
    private Optional<Proof> refusedProof(String subject, String address, String reason) {
        if (subject != null) {
            throttle.secondFactorFailed(subject);
        }
        refused(subject, address, reason);
        return Optional.empty();
    }

    /** Whether the person's second step is refused for now (too many failed codes or assertions). */
    public boolean throttled(String subject) {
        return subject != null && throttle.secondFactorRefusedUntil(subject).isPresent();
    }

    private static JsonObjectBuilder descriptor(WebAuthnCredential c) {
        JsonArrayBuilder transports = JsonFactories.BUILDERS.createArrayBuilder();
        if (c.transports() != null && !c.transports().isBlank()) {
            List.of(c.transports().split(" ")).forEach(transports::add);
        }
        return JsonFactories.BUILDERS.createObjectBuilder().add("type", "public-key").add("id", c.credentialId()).add("transports", transports);
    }

    /** The user handle as the browser carries it: base64url of its bytes. */
    static String handle(String subject) {
        return Verifier.b64(Passkeys.userHandle(subject).getBytes(StandardCharsets.UTF_8));
    }

    private Verifier verifier() {
        return new Verifier(origin(issuer.url()), rpId());
    }

    private String rpId() {
        return URI.create(issuer.url()).getHost();
    }

    /** Web Authentication §7.1 step 9: the origin the browser reports, the issuer's scheme, host and port. */
    static String origin(String issuerUrl) {
        URI uri = URI.create(issuerUrl);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
