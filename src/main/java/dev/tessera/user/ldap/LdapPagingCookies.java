package dev.tessera.user.ldap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The paging cookies Tessera hands out for directory listings. The directory's own cookie (RFC 2696 §2) means
 * something only on the connection that issued it, so Tessera wraps it with the node, the paging connection's
 * generation, the search it continues, the time and an HMAC-SHA256 under a key that never leaves this node.
 * Anything else is refused before it reaches the directory: a made-up cookie, one from another node (or from
 * before a restart), one older than {@code tessera.ldap.listing-cookie-ttl}, one whose connection was replaced
 * since, one replayed with another search text. Each is a {@link LdapListingRefused}, a 400 that no circuit
 * breaker counts.
 */
@ApplicationScoped
public class LdapPagingCookies {
    static final byte VERSION = 1;
    static final String MAC = "HmacSHA256";
    private static final int NODE = 8;
    private static final int SEARCH = 8;
    private static final int MAC_LENGTH = 32;
    private static final int HEADER = 1 + NODE + Integer.BYTES + Long.BYTES + SEARCH;

    private final byte[] node = new byte[NODE];
    private final byte[] key = new byte[32];

    @Inject
    LdapTuning tuning;

    public LdapPagingCookies() {
        SecureRandom random = new SecureRandom();
        random.nextBytes(node);
        random.nextBytes(key);
    }

    /** For tests. */
    public LdapPagingCookies(LdapTuning tuning) {
        this();
        this.tuning = tuning;
    }

    /** The cookie for the next page of {@code search} (the filter as text) from the directory's {@code cookie}. */
    public String seal(byte[] cookie, String search, int generation, Instant now) {
        ByteBuffer body = ByteBuffer.allocate(HEADER + cookie.length);
        body.put(VERSION).put(node).putInt(generation).putLong(now.getEpochSecond()).put(searchHash(search)).put(cookie);
        byte[] signed = ByteBuffer.allocate(body.capacity() + MAC_LENGTH).put(body.array()).put(mac(body.array())).array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
    }

    /** The directory's cookie inside {@code cookie}, if this node issued it for this search, lately, on this connection. */
    public byte[] open(String cookie, String search, int generation, Instant now) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(cookie);
        } catch (IllegalArgumentException e) {
            throw new LdapListingRefused("cookie is not one Tessera issued (not base64url); start the listing again without a cookie");
        }
        if (raw.length < HEADER + MAC_LENGTH || raw[0] != VERSION) {
            throw new LdapListingRefused("cookie is not one Tessera issued; start the listing again without a cookie");
        }
        ByteBuffer in = ByteBuffer.wrap(raw);
        in.get();
        byte[] issuer = new byte[NODE];
        in.get(issuer);
        if (!MessageDigest.isEqual(issuer, node)) {
            throw new LdapListingRefused("cookie was issued by another Tessera node (or before this one restarted); the pages of a "
                    + "listing must all come from the node that served the first (sticky sessions), start the listing again without a cookie");
        }
        byte[] body = Arrays.copyOf(raw, raw.length - MAC_LENGTH);
        if (!MessageDigest.isEqual(mac(body), Arrays.copyOfRange(raw, body.length, raw.length))) {
            throw new LdapListingRefused("cookie is not one Tessera issued (its signature does not verify); start the listing again without a cookie");
        }
        int issuedGeneration = in.getInt();
        Instant issuedAt = Instant.ofEpochSecond(in.getLong());
        byte[] hash = new byte[SEARCH];
        in.get(hash);
        if (!now.isBefore(issuedAt.plus(tuning.cookieTtl()))) {
            throw new LdapListingRefused("cookie expired (older than tessera.ldap.listing-cookie-ttl=" + tuning.cookieTtl()
                    + "); start the listing again without a cookie");
        }
        if (issuedGeneration != generation) {
            throw new LdapListingRefused("cookie expired: the directory connection that served the listing was replaced since; "
                    + "start the listing again without a cookie");
        }
        if (!MessageDigest.isEqual(hash, searchHash(search))) {
            throw new LdapListingRefused("cookie belongs to a listing with another search text; send the same search with it, or no cookie");
        }
        return Arrays.copyOfRange(raw, HEADER, body.length);
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(new SecretKeySpec(key, MAC));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(MAC + " is unavailable", e);
        }
    }

    private static byte[] searchHash(String search) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(search.getBytes(StandardCharsets.UTF_8)), SEARCH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
