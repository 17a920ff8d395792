package dev.tessera.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;

/**
 * Tessera's own series (docs/operations.md#metrics lists them with their labels). Every label value comes from a
 * bounded set: grant types Tessera serves, error codes of RFC 6749 and its extensions, store ids from the
 * configuration, sign-in outcomes, and client ids capped by {@code tessera.metrics.client-label-limit}.
 */
@ApplicationScoped
public class TesseraMetrics {
    /** Outcome label of a token request that was answered with a token. */
    public static final String ISSUED = "issued";
    /** Outcome label of a token request that was answered with an error. */
    public static final String ERROR = "error";

    @Inject
    Meters meters;

    @Inject
    MetricsSettings settings;

    private ClientLabels clients;
    private MeterProvider<Counter> tokenRequests;
    private MeterProvider<Counter> tokenErrors;
    private MeterProvider<Timer> tokenTime;
    private MeterProvider<Counter> signIns;
    private MeterProvider<Counter> kerberosSignIns;
    private MeterProvider<Counter> logoutDeliveries;

    @PostConstruct
    void register() {
        clients = new ClientLabels(settings.clientLabelLimit());
        tokenRequests = Counter.builder("tessera.token.requests")
                .description("Token endpoint requests by grant type, client and outcome (issued or error)")
                .withRegistry(meters.registry());
        tokenErrors = Counter.builder("tessera.token.errors")
                .description("Token endpoint error answers by error code")
                .withRegistry(meters.registry());
        tokenTime = Timer.builder("tessera.token.request")
                .description("Time to answer a token endpoint request, by grant type")
                .withRegistry(meters.registry());
        signIns = Counter.builder("tessera.sign.ins")
                .description("Password checks by user store and outcome (success, invalid_credentials, throttled, ...)")
                .withRegistry(meters.registry());
        kerberosSignIns = Counter.builder("tessera.kerberos.sign.ins")
                .description("Kerberos (SPNEGO) sign-ins by user store and outcome (success, unknown_principal, disabled, replay, ...)")
                .withRegistry(meters.registry());
        logoutDeliveries = Counter.builder("tessera.logout.deliveries")
                .description("Back-channel logout attempts by client and outcome (delivered, retry, given_up)")
                .withRegistry(meters.registry());
    }

    /**
     * @param grant    the grant type if Tessera serves it, else {@code _other}
     * @param clientId the authenticated client, or null when authentication did not get that far
     * @param error    the error code, or null when a token was issued
     */
    public void tokenAnswered(String grant, String clientId, String error, long startNanos) {
        String g = grant == null ? ClientLabels.NONE : grant;
        tokenRequests.withTags("grant", g, "client", clients.of(clientId), "outcome", error == null ? ISSUED : ERROR).increment();
        if (error != null) {
            tokenErrors.withTags("error", error).increment();
        }
        tokenTime.withTags("grant", g).record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    /** @param store the id of the store that answered, or {@code _none} */
    public void signIn(String store, String outcome) {
        signIns.withTags("store", store, "outcome", outcome).increment();
    }

    /** @param store the id of the store that knew the principal, or {@code _none} */
    public void kerberosSignIn(String store, String outcome) {
        kerberosSignIns.withTags("store", store, "outcome", outcome).increment();
    }

    /** @param outcome {@code delivered}, {@code retry} (failed, tried again later) or {@code given_up} */
    public void logoutDelivery(String clientId, String outcome) {
        logoutDeliveries.withTags("client", clients.of(clientId), "outcome", outcome).increment();
    }
}
