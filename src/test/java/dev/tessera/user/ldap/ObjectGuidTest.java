package dev.tessera.user.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ObjectGuidTest {
    /** The bytes of {3F2504E0-4F89-11D3-9A0C-0305E82C3301} as AD stores them: Data1..Data3 little-endian. */
    static final byte[] BYTES = HexFormat.of().parseHex("e004253f894fd3119a0c0305e82c3301");

    @Test
    void firstThreeFieldsAreLittleEndianTheRestInOrder() {
        assertThat(ObjectGuid.toUuid(BYTES)).isEqualTo("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    }

    @Test
    void roundTrips() {
        assertThat(ObjectGuid.toBytes("3F2504E0-4F89-11D3-9A0C-0305E82C3301")).hasValueSatisfying(b -> assertThat(b).isEqualTo(BYTES));
    }

    @Test
    void textThatIsNoUuidHasNoBytes() {
        assertThat(ObjectGuid.toBytes("1-2-3-4-5")).isEmpty();
        assertThat(ObjectGuid.toBytes("ada")).isEmpty();
        assertThat(ObjectGuid.toBytes(null)).isEmpty();
    }

    @Test
    void refusesAnythingButSixteenBytes() {
        assertThatThrownBy(() -> ObjectGuid.toUuid(new byte[15])).isInstanceOf(IllegalArgumentException.class);
    }
}
