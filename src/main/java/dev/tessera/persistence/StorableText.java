package dev.tessera.persistence;

/**
 * Whether a string can be a stored value at all. PostgreSQL text cannot hold U+0000: it refuses any statement that
 * carries one, even a SELECT comparing a column with it ("invalid byte sequence for encoding UTF8: 0x00"), where H2
 * and MariaDB store and compare it like any other character. Nothing stored contains it, so a look-up by a value that does, which only an
 * attacker or a broken client sends (in a client_id, a username, a JWT's iss or sub), answers "nothing" without
 * asking the database, the same on every database, instead of failing with a 500.
 */
public final class StorableText {
    private StorableText() {
    }

    /** @return false for null and for text containing U+0000 */
    public static boolean storable(String value) {
        return value != null && value.indexOf('\0') < 0;
    }
}
