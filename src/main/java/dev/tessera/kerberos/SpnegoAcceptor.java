package dev.tessera.kerberos;

import dev.tessera.config.ConfigKeys;
import dev.tessera.config.KerberosSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.security.auth.Subject;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSCredential;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.Oid;

/**
 * The JDK's JGSS as a SPNEGO acceptor (RFC 4178, OID 1.3.6.1.5.5.2) with the service's keytab: the keytab is read once
 * through the JDK's Krb5LoginModule (a JAAS configuration of Tessera's own, never a file), the acceptor credential is
 * made inside that subject, and each token is accepted in one leg. The KDC is never contacted: a keytab holds the
 * service key every ticket for it is encrypted with. A keytab that cannot be read is tried again at most once a minute,
 * and meanwhile nobody is offered Negotiate.
 */
@ApplicationScoped
public class SpnegoAcceptor {
    private static final Logger LOG = Logger.getLogger(SpnegoAcceptor.class.getName());
    static final String SPNEGO_OID = "1.3.6.1.5.5.2";
    static final String KRB5_OID = "1.2.840.113554.1.2.2";
    static final String KRB5_LOGIN_MODULE = "com.sun.security.auth.module.Krb5LoginModule";
    static final String KRB5_CONF_PROPERTY = "java.security.krb5.conf";
    private static final Duration RETRY = Duration.ofMinutes(1);

    /** @param principal the client's principal name; @param responseToken the mutual-authentication answer, if any */
    public record Accepted(String principal, Optional<byte[]> responseToken) {
    }

    /** A token that signed nobody in. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient KerberosFailure failure;

        Refused(KerberosFailure failure, String detail, Throwable cause) {
            super(detail, cause);
            this.failure = failure;
        }

        public KerberosFailure failure() {
            return failure;
        }
    }

    @Inject
    KerberosSettings settings;

    @Inject
    Clock clock;

    private volatile GSSCredential credential;
    private volatile Subject subject;
    private volatile Instant nextTry = Instant.MIN;
    private volatile String lastFailure = "";

    /** Whether the keytab has been read (trying now if it has not been, or the last try is a minute old). */
    public boolean ready() {
        return settings.enabled() && credential().isPresent();
    }

    /** For readiness: {@code off}, {@code ready (principal)} or why the keytab cannot be used. */
    public String state() {
        if (!settings.enabled()) {
            return "off";
        }
        return ready() ? "ready (" + settings.principal() + ")" : "keytab unusable, Negotiate offered to nobody: " + lastFailure;
    }

    public Accepted accept(byte[] token) throws Refused {
        GSSCredential acceptor = credential().orElseThrow(() -> new Refused(KerberosFailure.UNAVAILABLE,
                "the keytab " + settings.keytab().orElse("") + " could not be read (see the server log)", null));
        try {
            return Subject.doAs(subject, (PrivilegedExceptionAction<Accepted>) () -> {
                GSSContext context = GSSManager.getInstance().createContext(acceptor);
                try {
                    byte[] out = context.acceptSecContext(token, 0, token.length);
                    if (!context.isEstablished()) {
                        throw new Refused(KerberosFailure.CONTINUE_NEEDED, "the acceptor needs another leg (mechanism "
                                + context.getMech() + ")", null);
                    }
                    return new Accepted(context.getSrcName().toString(), Optional.ofNullable(out).filter(b -> b.length > 0));
                } finally {
                    context.dispose();
                }
            });
        } catch (PrivilegedActionException e) {
            if (e.getException() instanceof Refused refused) {
                throw refused;
            }
            if (e.getException() instanceof GSSException gss) {
                throw new Refused(KerberosFailure.of(gss), KerberosFailure.detail(gss), gss);
            }
            throw new Refused(KerberosFailure.INVALID_TOKEN, String.valueOf(e.getException()), e.getException());
        }
    }

    private Optional<GSSCredential> credential() {
        GSSCredential current = credential;
        if (current != null || !settings.enabled()) {
            return Optional.ofNullable(current);
        }
        synchronized (this) {
            if (credential == null && !clock.instant().isBefore(nextTry)) {
                nextTry = clock.instant().plus(RETRY);
                try {
                    login();
                } catch (LoginException | GSSException | PrivilegedActionException | RuntimeException e) {
                    lastFailure = String.valueOf(e.getMessage());
                    LOG.log(Level.WARNING, "Kerberos is configured but its keytab " + settings.keytab().orElse("")
                            + " for " + settings.principal() + " could not be used; Negotiate is offered to nobody until it can."
                            + " Check " + ConfigKeys.KERBEROS_KEYTAB + ", " + ConfigKeys.KERBEROS_PRINCIPAL + " and "
                            + ConfigKeys.KERBEROS_KRB5_CONF + " (docs/kerberos.md): " + e);
                }
            }
            return Optional.ofNullable(credential);
        }
    }

    private void login() throws LoginException, GSSException, PrivilegedActionException {
        if (settings.problem().isPresent()) {
            throw new LoginException(settings.problem().get());
        }
        String keytab = settings.keytab().orElseThrow();
        if (!Files.isReadable(Path.of(keytab))) {
            throw new LoginException("the keytab file is missing or not readable");
        }
        settings.krb5Conf().ifPresent(conf -> System.setProperty(KRB5_CONF_PROPERTY, conf));
        LoginContext login = new LoginContext("tessera-kerberos", new Subject(), null, new KeytabConfiguration(keytab, settings.principal()));
        login.login();
        Subject service = login.getSubject();
        GSSManager manager = GSSManager.getInstance();
        Oid[] mechanisms = {new Oid(SPNEGO_OID), new Oid(KRB5_OID)};
        credential = Subject.doAs(service, (PrivilegedExceptionAction<GSSCredential>) () ->
                manager.createCredential(null, GSSCredential.INDEFINITE_LIFETIME, mechanisms, GSSCredential.ACCEPT_ONLY));
        subject = service;
        LOG.info("Kerberos single sign-on accepts tickets for " + settings.principal());
    }

    /** The acceptor's JAAS configuration: the keytab's key, stored in the subject, no KDC exchange, no prompt. */
    private static final class KeytabConfiguration extends Configuration {
        private final Map<String, String> options;

        KeytabConfiguration(String keytab, String principal) {
            this.options = Map.of("useKeyTab", "true", "keyTab", keytab, "principal", principal, "storeKey", "true",
                    "isInitiator", "false", "doNotPrompt", "true", "refreshKrb5Config", "true");
        }

        @Override
        public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
            return new AppConfigurationEntry[] {
                new AppConfigurationEntry(KRB5_LOGIN_MODULE, AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options)};
        }
    }
}
