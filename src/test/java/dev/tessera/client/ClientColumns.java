package dev.tessera.client;

import dev.tessera.persistence.EntityColumns;
import java.lang.reflect.Field;
import java.util.List;

/** The length-limited columns of {@link Client}, read from its mapping, and values that fill them exactly. */
public final class ClientColumns {
    private ClientColumns() {
    }

    public static List<Field> limitedFields() {
        return EntityColumns.limitedFields(Client.class);
    }

    public static Object valueOf(Field field, int length) {
        return EntityColumns.valueOf(field, length);
    }
}
