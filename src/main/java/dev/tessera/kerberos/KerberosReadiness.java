package dev.tessera.kerberos;

import dev.tessera.health.ReadinessContributor;
import dev.tessera.health.ReadinessPart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reports Kerberos in {@code /health/ready} ({@code kerberos}: off, ready, or why the keytab cannot be used); never a
 * reason to be unready, since people can still sign in with a password.
 */
@ApplicationScoped
public class KerberosReadiness implements ReadinessContributor {
    @Inject
    SpnegoAcceptor acceptor;

    @Override
    public int order() {
        return 60;
    }

    @Override
    public ReadinessPart assess() {
        return ReadinessPart.of(true, "kerberos", acceptor.state());
    }
}
