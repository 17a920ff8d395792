package dev.tessera.it;

import java.nio.file.Path;
import java.security.PrivilegedExceptionAction;
import java.util.Base64;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.GSSName;
import org.ietf.jgss.Oid;

/**
 * A pure-Java SPNEGO initiator: the JDK's Krb5LoginModule gets a ticket-granting ticket from {@link KerberosRealm}'s KDC
 * with a person's keytab, then JGSS makes the Negotiate token for {@code HTTP/localhost} (RFC 4559 §4.2), asking for
 * mutual authentication so the server's answer can be checked.
 */
final class KerberosClient {
    static final String SPNEGO = "1.3.6.1.5.5.2";
    static final String KRB5_PRINCIPAL_NAME = "1.2.840.113554.1.2.2.1";

    private final Subject subject;
    private final GSSContext context;

    private KerberosClient(Subject subject, GSSContext context) {
        this.subject = subject;
        this.context = context;
    }

    /** Signs {@code person} in to the realm with their keytab and starts a context for the server. */
    static KerberosClient forPerson(String person) throws Exception {
        Path keytab = KerberosRealm.keytab(person);
        Map<String, String> options = Map.of("useKeyTab", "true", "keyTab", keytab.toString(), "principal",
                person + "@" + KerberosRealm.REALM, "storeKey", "false", "doNotPrompt", "true", "refreshKrb5Config", "true");
        Configuration configuration = new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return new AppConfigurationEntry[] {new AppConfigurationEntry("com.sun.security.auth.module.Krb5LoginModule",
                        AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options)};
            }
        };
        LoginContext login = new LoginContext("it-kerberos-client", new Subject(), null, configuration);
        login.login();
        Subject subject = login.getSubject();
        GSSContext context = Subject.doAs(subject, (PrivilegedExceptionAction<GSSContext>) () -> {
            GSSManager manager = GSSManager.getInstance();
            GSSName server = manager.createName(KerberosRealm.SERVICE, new Oid(KRB5_PRINCIPAL_NAME));
            GSSContext c = manager.createContext(server, new Oid(SPNEGO), null, GSSContext.DEFAULT_LIFETIME);
            c.requestMutualAuth(true);
            return c;
        });
        return new KerberosClient(subject, context);
    }

    /** The first token, base64, for {@code Authorization: Negotiate <token>}. */
    String token() throws Exception {
        byte[] token = Subject.doAs(subject, (PrivilegedExceptionAction<byte[]>) () -> context.initSecContext(new byte[0], 0, 0));
        return Base64.getEncoder().encodeToString(token);
    }

    /** Checks the server's mutual-authentication answer ({@code WWW-Authenticate: Negotiate <token>}); true once established. */
    boolean finish(String wwwAuthenticate) throws Exception {
        byte[] answer = Base64.getDecoder().decode(wwwAuthenticate.substring("Negotiate ".length()).strip());
        Subject.doAs(subject, (PrivilegedExceptionAction<byte[]>) () -> context.initSecContext(answer, 0, answer.length));
        return context.isEstablished();
    }
}
