package dev.tessera.user.ldap;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import dev.tessera.config.KerberosSettings;
import dev.tessera.user.LoginMessages;
import dev.tessera.user.LoginResult;
import dev.tessera.user.PrincipalName;
import dev.tessera.user.UserAccount;
import dev.tessera.user.UserStore;
import dev.tessera.user.Usernames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * People in an LDAP directory or Active Directory (store id {@value #ID}), signed in by binding as them, so
 * Tessera never stores or sees a password hash. A login costs at most three operations: the search for the
 * login name (pooled service connection), the bind (a connection of its own), and the group search (none
 * when groups come from memberOf; one per nesting level when nested groups are expanded by Tessera itself).
 *
 * <p>Nothing is imported: the account is read at login and cached for {@code tessera.ldap.cache-ttl}; after
 * that, and always at a refresh ({@link #recheck}) unless {@code tessera.ldap.recheck-on-refresh=false},
 * it is read again, so a person disabled in the directory loses access at the next refresh. A login name the
 * directory does not know is remembered for {@code tessera.ldap.negative-cache-ttl} ({@link LdapMisses}), so the
 * people of a store listed after this one do not each cost a search.
 */
@ApplicationScoped
public class LdapUserStore implements UserStore {
    public static final String ID = "ldap";
    /** RFC 8176 §2: "pwd": password-based authentication. */
    static final List<String> PASSWORD_AMR = List.of("pwd");
    /** Two entries are enough to see that a login name is ambiguous. */
    static final int USER_SIZE_LIMIT = 2;

    @Inject
    LdapSettings settings;

    @Inject
    LdapDirectory directory;

    @Inject
    LdapGroups groups;

    @Inject
    LdapTuning tuning;

    @Inject
    Clock clock;

    @Inject
    KerberosSettings kerberos;

    private volatile LdapAccountCache cache;
    private volatile LdapMisses misses;

    public LdapUserStore() {
    }

    /** For tests: the store without CDI. */
    public LdapUserStore(LdapSettings settings, LdapDirectory directory, LdapGroups groups, Clock clock) {
        this.settings = settings;
        this.directory = directory;
        this.groups = groups;
        this.clock = clock;
        this.tuning = LdapTuning.defaults();
    }

    /** For tests: with this tuning. */
    public LdapUserStore(LdapSettings settings, LdapTuning tuning, LdapDirectory directory, LdapGroups groups, Clock clock) {
        this(settings, directory, groups, clock);
        this.tuning = tuning;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<LoginResult> authenticate(String username, String password) {
        if (password == null || password.isEmpty()) {
            // RFC 4513 §5.1.2: an empty password would be an unauthenticated bind, which servers may accept.
            return Optional.of(invalid("empty password refused before any bind (RFC 4513 §5.1.2)"));
        }
        try {
            Optional<SearchResultEntry> found = findByName(username);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(login(found.get(), username, password));
        } catch (AmbiguousEntryException e) {
            return Optional.of(invalid(e.getMessage()));
        } catch (LdapUnavailableException | FaultToleranceException e) {
            return Optional.of(new LoginResult.Failure(LoginResult.Reason.UNAVAILABLE, LoginMessages.UNAVAILABLE,
                    "LDAP directory unavailable: " + e.getMessage()));
        }
    }

    private LoginResult login(SearchResultEntry entry, String username, String password) {
        LdapAccounts accounts = new LdapAccounts(settings);
        String who = entry.getDN();
        Optional<String> subject = accounts.subject(entry);
        Optional<LDAPException> refused = directory.bind(entry.getDN(), password);
        if (refused.isPresent()) {
            return AdBindErrors.failure(refused.get().getDiagnosticMessage(), who);
        }
        Optional<LoginResult.Failure> state = AdAccountState.refusal(LdapAccounts.longValue(entry, LdapAttributes.USER_ACCOUNT_CONTROL),
                LdapAccounts.longValue(entry, LdapAttributes.PWD_LAST_SET), LdapAccounts.longValue(entry, LdapAttributes.ACCOUNT_EXPIRES),
                clock.instant(), who);
        if (state.isPresent()) {
            return state.get();
        }
        if (subject.isEmpty()) {
            return new LoginResult.Failure(LoginResult.Reason.UNAVAILABLE, LoginMessages.UNAVAILABLE,
                    "LDAP entry " + who + " has no " + settings.subjectAttribute() + " (tessera.ldap.subject-attribute)");
        }
        UserAccount account = accounts.account(entry, subject.get(), username, groups.of(entry), clock.instant());
        cache().put(account, clock.instant());
        return new LoginResult.Success(account, PASSWORD_AMR);
    }

    @Override
    public Optional<UserAccount> findBySubject(String subject) {
        Optional<UserAccount> cached = cache().fresh(subject, clock.instant());
        return cached.isPresent() ? cached : read(subject);
    }

    /**
     * The account as the directory has it now, bypassing the cache (with {@code recheck-on-refresh}).
     *
     * @throws LdapUnavailableException when the directory cannot be asked: the caller must not take that
     *                                  for "no such person" and revoke what was issued
     */
    @Override
    public Optional<UserAccount> recheck(String subject) {
        return settings.recheckOnRefresh() ? read(subject) : findBySubject(subject);
    }

    @Override
    public Optional<UserAccount> findByUsername(String username) {
        try {
            return findByName(username).flatMap(e -> toAccount(e, username));
        } catch (AmbiguousEntryException e) {
            return Optional.empty();
        }
    }

    /**
     * The entry whose principal attribute ({@code tessera.kerberos.principal-attribute}; AD: userPrincipalName,
     * elsewhere krb5PrincipalName) equals the principal, among the people the user filter admits. Two entries: nobody.
     */
    @Override
    public Optional<UserAccount> findByPrincipal(PrincipalName principal) {
        String attribute = (kerberos == null ? KerberosSettings.off() : kerberos).principalAttribute()
                .orElse(settings.flavor().activeDirectory() ? LdapAttributes.USER_PRINCIPAL_NAME : LdapAttributes.KRB5_PRINCIPAL_NAME);
        Filter people = LdapFilters.startsWith(settings.userFilter(), List.of(), "");
        try {
            Optional<UserAccount> account = findEntry(Filter.createANDFilter(people, Filter.createEqualityFilter(attribute, principal.toString())))
                    .flatMap(e -> toAccount(e, null));
            account.ifPresent(a -> cache().put(a, clock.instant()));
            return account;
        } catch (AmbiguousEntryException e) {
            return Optional.empty();
        }
    }

    /** The DN of the entry of a subject, read from the directory now (for a change made bound as the person). */
    Optional<String> entryDn(String subject) {
        return new LdapAccounts(settings).subjectFilter(subject).flatMap(this::findEntry).map(SearchResultEntry::getDN);
    }

    private Optional<UserAccount> read(String subject) {
        LdapAccounts accounts = new LdapAccounts(settings);
        Optional<Filter> filter = accounts.subjectFilter(subject);
        if (filter.isEmpty()) {
            return Optional.empty();
        }
        Optional<UserAccount> account = findEntry(filter.get()).flatMap(e -> toAccount(e, null));
        account.ifPresentOrElse(a -> cache().put(a, clock.instant()), () -> cache().forget(subject));
        return account;
    }

    private Optional<UserAccount> toAccount(SearchResultEntry entry, String typedUsername) {
        LdapAccounts accounts = new LdapAccounts(settings);
        return accounts.subject(entry).map(s -> accounts.account(entry, s, typedUsername, groups.of(entry), clock.instant()));
    }

    /** The entry of a login name, unless the directory said lately that it has none. */
    private Optional<SearchResultEntry> findByName(String username) {
        String key = Usernames.normalize(username);
        if (misses().known(key, clock.instant())) {
            return Optional.empty();
        }
        Optional<SearchResultEntry> found = findEntry(LdapFilters.fill(settings.userFilter(), username));
        if (found.isEmpty()) {
            misses().missed(key, clock.instant());
        }
        return found;
    }

    private LdapMisses misses() {
        LdapMisses current = misses;
        if (current == null) {
            current = new LdapMisses(tuning.negativeCacheTtl());
            misses = current;
        }
        return current;
    }

    private Optional<SearchResultEntry> findEntry(Filter filter) {
        SearchResult result = directory.search(LdapDirectory.SEARCH, settings.userBaseDn(), filter, USER_SIZE_LIMIT,
                new LdapAccounts(settings).attributes(groups.userAttributes()));
        List<SearchResultEntry> entries = result.getSearchEntries();
        if (entries.size() > 1) {
            throw new AmbiguousEntryException("LDAP filter " + filter + " matches more than one entry; refused");
        }
        return entries.stream().findFirst();
    }

    private LdapAccountCache cache() {
        LdapAccountCache current = cache;
        if (current == null) {
            current = new LdapAccountCache(settings.cacheTtl());
            cache = current;
        }
        return current;
    }

    private static LoginResult.Failure invalid(String detail) {
        return new LoginResult.Failure(LoginResult.Reason.INVALID_CREDENTIALS, LoginMessages.INVALID, detail);
    }

    /** Two entries for one login name: a misconfigured filter or directory; nobody signs in with it. */
    static final class AmbiguousEntryException extends RuntimeException {
        AmbiguousEntryException(String message) {
            super(message);
        }
    }
}
