package dev.tessera.user.ldap;

import static dev.tessera.user.ldap.LdapAttributes.*;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.SearchResultEntry;
import dev.tessera.user.StandardClaims;
import dev.tessera.user.UserAccount;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A directory entry as the {@link UserAccount} the rest of Tessera sees. The subject is the configured
 * stable attribute (objectGUID as a UUID, entryUUID), never the DN or a login name, so a rename keeps the
 * {@code sub} (OpenID Connect Core §2: "never reassigned"). Claims are copied from the mapped attributes,
 * only those with a value (§5.3.2).
 */
public final class LdapAccounts {
    private final LdapSettings settings;

    public LdapAccounts(LdapSettings settings) {
        this.settings = settings;
    }

    /** Every attribute a user search reads: subject, claims, account state, plus the group strategy's. */
    public String[] attributes(List<String> extra) {
        Set<String> names = new LinkedHashSet<>();
        names.add(settings.subjectAttribute());
        names.addAll(settings.claims().values());
        names.addAll(List.of(USER_ACCOUNT_CONTROL, PWD_LAST_SET, ACCOUNT_EXPIRES));
        names.addAll(extra);
        return names.toArray(String[]::new);
    }

    /** The entry's subject; empty when the entry lacks the attribute (then it cannot sign in). */
    public Optional<String> subject(SearchResultEntry entry) {
        if (settings.binarySubject()) {
            byte[] guid = entry.getAttributeValueBytes(settings.subjectAttribute());
            return guid == null || guid.length != ObjectGuid.LENGTH ? Optional.empty() : Optional.of(ObjectGuid.toUuid(guid));
        }
        return Optional.ofNullable(entry.getAttributeValue(settings.subjectAttribute()));
    }

    /** The filter that finds the entry of a subject; empty when the text cannot be one of this directory's. */
    public Optional<Filter> subjectFilter(String subject) {
        if (settings.binarySubject()) {
            // objectGUID is an octet string: the filter carries the 16 raw bytes (escaped as \xx on the wire).
            return ObjectGuid.toBytes(subject).map(bytes -> Filter.createEqualityFilter(settings.subjectAttribute(), bytes));
        }
        return Optional.of(Filter.createEqualityFilter(settings.subjectAttribute(), subject));
    }

    public UserAccount account(SearchResultEntry entry, String subject, String typedUsername, List<String> groups, Instant now) {
        Map<String, Object> claims = new LinkedHashMap<>();
        settings.claims().forEach((claim, attribute) -> {
            String value = entry.getAttributeValue(attribute);
            if (value != null && !value.isEmpty()) {
                claims.put(claim, value);
            }
        });
        String username = (String) claims.getOrDefault(StandardClaims.PREFERRED_USERNAME, typedUsername);
        if (username == null) {
            username = subject;
        }
        boolean enabled = AdAccountState.enabled(longValue(entry, USER_ACCOUNT_CONTROL), longValue(entry, ACCOUNT_EXPIRES), now);
        return new UserAccount(subject, username, enabled, claims, groups);
    }

    static Long longValue(SearchResultEntry entry, String attribute) {
        String value = entry.getAttributeValue(attribute);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
