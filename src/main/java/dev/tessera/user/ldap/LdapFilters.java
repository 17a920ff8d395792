package dev.tessera.user.ldap;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Filters built from configured templates and untrusted values. A value is always escaped before it meets
 * the template (RFC 4515 §3: "*", "(", ")", "\" and NUL "MUST be escaped" in an assertion value), so a login
 * name like {@code *)(uid=*} or {@code admin)(|(userPassword=*} stays one literal value and matches nobody
 * else.
 */
public final class LdapFilters {
    static final String PLACEHOLDER = "{0}";

    private LdapFilters() {
    }

    /** The template with every {0} replaced by the escaped value. */
    public static Filter fill(String template, String value) {
        return parse(template.replace(PLACEHOLDER, Filter.encodeValue(value)));
    }

    /**
     * The people of the template whose {@code attributes} start with the value: {@code (&T(|(a1=v*)(a2=v*)...))}
     * where T is the template with {0} as "*" (a presence test) and v the escaped value followed by one unescaped
     * "*" (a substring filter with only "initial", RFC 4515 §3, which a directory answers from an equality or
     * subinitial index). Everyone of the template when the value is empty. For listing users.
     */
    public static Filter startsWith(String template, Collection<String> attributes, String value) {
        Filter everyone = parse(template.replace(PLACEHOLDER, "*"));
        if (value.isEmpty() || attributes.isEmpty()) {
            return everyone;
        }
        List<Filter> any = new ArrayList<>();
        for (String attribute : attributes) {
            any.add(parse("(" + attribute + "=" + Filter.encodeValue(value) + "*)"));
        }
        return Filter.createANDFilter(everyone, any.size() == 1 ? any.get(0) : Filter.createORFilter(any));
    }

    /** One filter matching any of the values: (|(t1)(t2)...), or the single filter for one value. */
    public static Filter anyOf(String template, Collection<String> values) {
        List<Filter> each = new ArrayList<>();
        for (String value : values) {
            each.add(fill(template, value));
        }
        return each.size() == 1 ? each.get(0) : Filter.createORFilter(each);
    }

    private static Filter parse(String filter) {
        try {
            return Filter.create(filter);
        } catch (LDAPException e) {
            throw new IllegalStateException("Not an LDAP filter (check tessera.ldap.*-filter): " + filter, e);
        }
    }
}
