package dev.tessera.device;

/** What the token endpoint answers a device that polls with its device code (RFC 8628 §3.5). */
public enum PollAnswer {
    /** §3.5 authorization_pending: the person has not decided yet. */
    AUTHORIZATION_PENDING,
    /** §3.5 slow_down: polled before the interval was over; the interval grows by 5 seconds. */
    SLOW_DOWN,
    /** §3.5 access_denied: the person denied the request. */
    ACCESS_DENIED,
    /** §3.5 expired_token: the device code lived out its lifetime undecided or unredeemed. */
    EXPIRED_TOKEN,
    /** Approved: issue the tokens. */
    ISSUE,
    /** Already redeemed once: invalid_grant, and the tokens issued from it are revoked. */
    REDEEMED,
    /** No such device code for this client: invalid_grant. */
    UNKNOWN
}
