package dev.tessera.user.ldap;

import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import java.util.Set;

/**
 * Tells the directory's own failures from its refusals of one request. Only the former (RFC 4511 §4.1.9 busy,
 * unavailable; the SDK's server-down, connect-error, timeout and local errors) say the directory cannot be asked,
 * count against the circuit breaker and answer 503. Everything else (a refused cookie, an unindexed search stopped
 * by a time or administrative limit, a search the directory is unwilling to perform) is an answer about this
 * request: a 400 naming what to change.
 */
final class LdapRefusals {
    static final Set<ResultCode> OUTAGES = Set.of(ResultCode.SERVER_DOWN, ResultCode.CONNECT_ERROR, ResultCode.TIMEOUT,
            ResultCode.BUSY, ResultCode.UNAVAILABLE, ResultCode.LOCAL_ERROR, ResultCode.NO_MEMORY, ResultCode.DECODING_ERROR,
            ResultCode.ENCODING_ERROR);
    /** What directories answer when a search would read too much (OpenLDAP limits, AD MaxQueryDuration, 389 DS). */
    static final Set<ResultCode> TOO_COSTLY = Set.of(ResultCode.TIME_LIMIT_EXCEEDED, ResultCode.ADMIN_LIMIT_EXCEEDED,
            ResultCode.UNWILLING_TO_PERFORM, ResultCode.SIZE_LIMIT_EXCEEDED);

    private LdapRefusals() {
    }

    static boolean outage(ResultCode code) {
        return OUTAGES.contains(code);
    }

    static LdapListingRefused refused(LDAPSearchException e, boolean withCookie) {
        String said = e.getResultCode() + (e.getDiagnosticMessage() == null ? "" : " (" + e.getDiagnosticMessage() + ")");
        if (withCookie) {
            return new LdapListingRefused("The directory refused the listing's cookie: " + said
                    + "; start the listing again without a cookie", e);
        }
        if (TOO_COSTLY.contains(e.getResultCode())) {
            return new LdapListingRefused("The directory refused this search as too costly: " + said + ". It would need an "
                    + "unindexed scan: type a longer prefix, or index the username, name and email attributes for prefix "
                    + "(substring initial) matching in the directory (docs/ldap.md)", e);
        }
        return new LdapListingRefused("The directory refused the listing: " + said, e);
    }
}
