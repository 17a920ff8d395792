package dev.tessera.user.ldap;

import dev.tessera.user.LoginMessages;
import dev.tessera.user.LoginResult;
import dev.tessera.user.LoginResult.Reason;
import java.time.Instant;
import java.util.Optional;

/**
 * Active Directory's account states, read from the entry Tessera already searched, so no extra LDAP
 * operation is spent. A domain controller refuses the bind itself in these states ({@link AdBindErrors});
 * reading them here as well covers directories that accept the bind (a read-only replica, a test server)
 * and lets {@code findBySubject} report a disabled account at the next refresh.
 *
 * <p>Bits of userAccountControl per [MS-ADTS] §2.2.16; pwdLastSet and accountExpires are FILETIMEs,
 * 100-nanosecond intervals since 1601-01-01 ([MS-ADA1] §2.48, §2.1.6).
 */
public final class AdAccountState {
    public static final int ACCOUNTDISABLE = 0x2;
    public static final int LOCKOUT = 0x10;
    public static final int PASSWORD_EXPIRED = 0x800000;
    /** accountExpires 0 or 0x7FFFFFFFFFFFFFFF: the account never expires. */
    static final long NEVER = Long.MAX_VALUE;
    /** Seconds from 1601-01-01 to 1970-01-01. */
    private static final long FILETIME_EPOCH_OFFSET_SECONDS = 11_644_473_600L;

    private AdAccountState() {
    }

    /**
     * Why this account may not sign in, checked in the order an administrator would want to read it:
     * disabled, locked, expired, password expired, must change password. Empty when it may.
     */
    public static Optional<LoginResult.Failure> refusal(Long userAccountControl, Long pwdLastSet, Long accountExpires,
            Instant now, String who) {
        long uac = userAccountControl == null ? 0 : userAccountControl;
        if ((uac & ACCOUNTDISABLE) != 0) {
            return fail(Reason.DISABLED, LoginMessages.DISABLED, "AD account disabled (userAccountControl ACCOUNTDISABLE): " + who);
        }
        if ((uac & LOCKOUT) != 0) {
            return fail(Reason.LOCKED, LoginMessages.ACCOUNT_LOCKED, "AD account locked out (userAccountControl LOCKOUT): " + who);
        }
        if (expired(accountExpires, now)) {
            return fail(Reason.EXPIRED, LoginMessages.EXPIRED, "AD account expired at "
                    + fromFiletime(accountExpires) + " (accountExpires): " + who);
        }
        if ((uac & PASSWORD_EXPIRED) != 0) {
            return fail(Reason.MUST_CHANGE_PASSWORD, LoginMessages.PASSWORD_EXPIRED,
                    "AD password expired (userAccountControl PASSWORD_EXPIRED): " + who);
        }
        if (pwdLastSet != null && pwdLastSet == 0) {
            return fail(Reason.MUST_CHANGE_PASSWORD, LoginMessages.MUST_CHANGE_PASSWORD,
                    "AD password must be changed at next logon (pwdLastSet=0): " + who);
        }
        return Optional.empty();
    }

    /** Whether the account may hold sessions and tokens: not disabled, locked or expired. */
    public static boolean enabled(Long userAccountControl, Long accountExpires, Instant now) {
        long uac = userAccountControl == null ? 0 : userAccountControl;
        return (uac & (ACCOUNTDISABLE | LOCKOUT)) == 0 && !expired(accountExpires, now);
    }

    static boolean expired(Long accountExpires, Instant now) {
        return accountExpires != null && accountExpires != 0 && accountExpires != NEVER
                && !now.isBefore(fromFiletime(accountExpires));
    }

    static Instant fromFiletime(long filetime) {
        return Instant.ofEpochSecond(filetime / 10_000_000L - FILETIME_EPOCH_OFFSET_SECONDS, (filetime % 10_000_000L) * 100);
    }

    static long toFiletime(Instant instant) {
        return (instant.getEpochSecond() + FILETIME_EPOCH_OFFSET_SECONDS) * 10_000_000L + instant.getNano() / 100;
    }

    private static Optional<LoginResult.Failure> fail(Reason reason, String key, String detail) {
        return Optional.of(new LoginResult.Failure(reason, key, detail));
    }
}
