package dev.tessera.user.ldap;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import java.util.UUID;

/**
 * Active Directory's objectGUID as the UUID text administrators see in AD tools. The attribute is 16 raw
 * bytes of a Windows GUID structure, whose first three fields (Data1 of 4 bytes, Data2 and Data3 of 2) are
 * little-endian and the last 8 bytes in order ([MS-DTYP] §2.3.4.2). Reading the bytes as one big-endian UUID
 * would give a different, equally stable, but unrecognisable text.
 */
public final class ObjectGuid {
    static final int LENGTH = 16;

    private ObjectGuid() {
    }

    /** The 16 attribute bytes as a UUID string, e.g. 3f2504e0-4f89-11d3-9a0c-0305e82c3301. */
    public static String toUuid(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH) {
            throw new IllegalArgumentException("objectGUID must be 16 bytes, not " + (bytes == null ? "none" : bytes.length));
        }
        ByteBuffer le = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long data1 = le.getInt(0) & 0xFFFFFFFFL;
        long data2 = le.getShort(4) & 0xFFFFL;
        long data3 = le.getShort(6) & 0xFFFFL;
        long data4 = ByteBuffer.wrap(bytes, 8, 8).order(ByteOrder.BIG_ENDIAN).getLong();
        return new UUID(data1 << 32 | data2 << 16 | data3, data4).toString();
    }

    /** The attribute bytes of a UUID string; empty when the text is no UUID (so it cannot be an AD subject). */
    public static Optional<byte[]> toBytes(String uuid) {
        UUID parsed;
        try {
            parsed = UUID.fromString(uuid);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
        if (!parsed.toString().equalsIgnoreCase(uuid)) {
            return Optional.empty(); // UUID.fromString accepts short fields such as "1-2-3-4-5"
        }
        long msb = parsed.getMostSignificantBits();
        ByteBuffer out = ByteBuffer.allocate(LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt((int) (msb >>> 32)).putShort((short) (msb >>> 16)).putShort((short) msb);
        out.order(ByteOrder.BIG_ENDIAN).putLong(parsed.getLeastSignificantBits());
        return Optional.of(out.array());
    }
}
