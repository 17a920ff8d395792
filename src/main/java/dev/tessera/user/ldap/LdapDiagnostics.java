package dev.tessera.user.ldap;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import dev.tessera.config.ConfigKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What an operator needs to see when people cannot sign in from the directory (the console's directory page and
 * {@code /admin/api/directory}): the configuration in force (secrets masked), each server's answer and latency, and a
 * sign-in or look-up done step by step with the exact filter sent (RFC 4515 string form, the value escaped as the
 * login escapes it), the entry found, the bind's result and the groups. It goes straight to the directory: no cache
 * of accounts, misses or groups answers it, so it shows what a sign-in would find now. The password of a test is
 * used for one bind and never stored, logged nor returned.
 */
@ApplicationScoped
public class LdapDiagnostics {
    /** Shown instead of a secret. */
    public static final String MASKED = "********";

    /** One configured server: whether it answered a read of its root DSE and in how many milliseconds. */
    public record Server(String url, boolean up, long millis, String problem) {
    }

    /**
     * One step-by-step sign-in or look-up.
     *
     * @param dn    the entry found; empty when none (or more than one, which the login refuses)
     * @param bind  the bind's result code and diagnostic; empty for a look-up or when no entry was found
     * @param error why it stopped early (no entry, two entries, the directory could not be asked); empty when it did not
     */
    public record Trial(String filter, String baseDn, String dn, String subject, String bind, boolean bound, List<String> groups,
            String error) {
    }

    @Inject
    LdapSettings settings;

    @Inject
    LdapConnections connections;

    @Inject
    LdapDirectory directory;

    @Inject
    LdapGroups groups;

    /** The settings in force, by configuration key, with the bind and trust store passwords masked. */
    public Map<String, String> configuration() {
        Map<String, String> in = new LinkedHashMap<>();
        in.put(ConfigKeys.LDAP_URLS, String.join(", ", settings.urls()));
        in.put(ConfigKeys.LDAP_FLAVOR, settings.flavor().name().toLowerCase(Locale.ROOT));
        in.put(ConfigKeys.LDAP_BIND_DN, settings.bindDn());
        in.put(ConfigKeys.LDAP_BIND_PASSWORD, mask(settings.bindPassword()));
        in.put(ConfigKeys.LDAP_USER_BASE_DN, settings.userBaseDn());
        in.put(ConfigKeys.LDAP_USER_FILTER, settings.userFilter());
        in.put(ConfigKeys.LDAP_SUBJECT_ATTRIBUTE, settings.subjectAttribute());
        in.put(ConfigKeys.LDAP_CLAIMS, settings.claims().toString());
        in.put(ConfigKeys.LDAP_GROUP_BASE_DN, settings.groupBaseDn());
        in.put(ConfigKeys.LDAP_GROUP_FILTER, settings.groupFilter());
        in.put(ConfigKeys.LDAP_GROUP_NAME_ATTRIBUTE, settings.groupNameAttribute());
        in.put(ConfigKeys.LDAP_NESTED_GROUPS, String.valueOf(settings.nestedGroups()));
        in.put(ConfigKeys.LDAP_START_TLS, String.valueOf(settings.startTls()));
        in.put(ConfigKeys.LDAP_TRUST_STORE, settings.trustStore().orElse(""));
        in.put(ConfigKeys.LDAP_TRUST_STORE_PASSWORD, mask(settings.trustStorePassword()));
        in.put(ConfigKeys.LDAP_CONNECT_TIMEOUT, settings.connectTimeout().toString());
        in.put(ConfigKeys.LDAP_RESPONSE_TIMEOUT, settings.responseTimeout().toString());
        in.put(ConfigKeys.LDAP_POOL_SIZE, String.valueOf(settings.poolSize()));
        in.put(ConfigKeys.LDAP_CACHE_TTL, settings.cacheTtl().toString());
        return in;
    }

    private static String mask(String secret) {
        return secret == null || secret.isEmpty() ? "" : MASKED;
    }

    /** Each configured server asked now, on a connection of its own (with StartTLS when configured), in failover order. */
    public List<Server> servers() {
        List<String> urls = connections.urls();
        List<Server> answers = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            long start = System.nanoTime();
            try (LDAPConnection connection = connections.connect(i)) {
                connection.getRootDSE();
                answers.add(new Server(urls.get(i), true, (System.nanoTime() - start) / 1_000_000, ""));
            } catch (LDAPException | RuntimeException e) {
                answers.add(new Server(urls.get(i), false, (System.nanoTime() - start) / 1_000_000,
                        e instanceof LDAPException l ? l.getResultCode() + (l.getDiagnosticMessage() == null ? "" : ": " + l.getDiagnosticMessage())
                                : e.getMessage()));
            }
        }
        return answers;
    }

    /** The entry and groups of a login name, as the login's search finds them (no bind). */
    public Trial lookUp(String username) {
        return trial(username, null);
    }

    /** A sign-in step by step: the search, then a bind as the entry found with {@code password}, then the groups. */
    public Trial trySignIn(String username, String password) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("a password is needed (an empty one is an unauthenticated bind, RFC 4513 §5.1.2)");
        }
        return trial(username, password);
    }

    private Trial trial(String username, String password) {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("a username is needed");
        }
        Filter filter = LdapFilters.fill(settings.userFilter(), username);
        String base = settings.userBaseDn();
        try {
            List<SearchResultEntry> entries = directory.search(LdapDirectory.SEARCH, base, filter, LdapUserStore.USER_SIZE_LIMIT,
                    new LdapAccounts(settings).attributes(groups.userAttributes())).getSearchEntries();
            if (entries.size() != 1) {
                return new Trial(filter.toString(), base, "", "", "", false, List.of(),
                        entries.isEmpty() ? "no entry matches" : "more than one entry matches: the login refuses this name");
            }
            SearchResultEntry entry = entries.get(0);
            String subject = new LdapAccounts(settings).subject(entry).orElse("");
            String bind = "";
            boolean bound = false;
            if (password != null) {
                Optional<LDAPException> refused = directory.bind(entry.getDN(), password);
                bound = refused.isEmpty();
                bind = refused.map(e -> e.getResultCode() + (e.getDiagnosticMessage() == null ? "" : ": " + e.getDiagnosticMessage()))
                        .orElse("0 (success)");
            }
            return new Trial(filter.toString(), base, entry.getDN(), subject, bind, bound, groups.of(entry), "");
        } catch (RuntimeException e) { // unavailable, timed out, circuit open: shown, as the login would fail
            return new Trial(filter.toString(), base, "", "", "", false, List.of(), e.getMessage());
        }
    }
}
