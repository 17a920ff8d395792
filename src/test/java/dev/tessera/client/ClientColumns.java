package dev.tessera.client;

import dev.tessera.persistence.FitsColumns;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The length-limited columns of {@link Client}, read from its mapping, and values that fill them exactly. */
public final class ClientColumns {
    private ClientColumns() {
    }

    /**
     * Every length-limited column of the entity (not the clob ones its {@link FitsColumns} names); a field added
     * later is swept without touching the tests.
     */
    public static List<Field> limitedFields() {
        List<Field> fields = new ArrayList<>();
        List<String> unbounded = List.of(Client.class.getAnnotation(FitsColumns.class).unbounded());
        for (Field field : Client.class.getDeclaredFields()) {
            Column column = field.getAnnotation(Column.class);
            if (column != null && !unbounded.contains(column.name())
                    && (field.getType() == String.class || field.getAnnotation(Convert.class) != null)) {
                field.setAccessible(true);
                fields.add(field);
            }
        }
        return fields;
    }

    /** A value whose stored form is exactly {@code length} characters. */
    public static Object valueOf(Field field, int length) {
        String text = "a".repeat(length);
        return field.getType() == String.class ? text : new LinkedHashSet<>(Set.of(text));
    }
}
