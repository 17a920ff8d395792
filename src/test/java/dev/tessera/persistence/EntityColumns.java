package dev.tessera.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The length-limited columns of an entity with {@link FitsColumns}, read from its mapping, and values that fill them exactly. */
public final class EntityColumns {
    private EntityColumns() {
    }

    /**
     * Every length-limited column of the entity (not the clob ones its {@link FitsColumns} names); a field added
     * later is swept without touching the tests.
     */
    public static List<Field> limitedFields(Class<?> entity) {
        List<Field> fields = new ArrayList<>();
        List<String> unbounded = List.of(entity.getAnnotation(FitsColumns.class).unbounded());
        for (Field field : entity.getDeclaredFields()) {
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

    /** Each limited column at its length fits; one past, it is the one violation, naming the column. */
    public static void assertEachColumnTakesItsLengthAndRefusesOneMore(Object entity) throws IllegalAccessException {
        for (Field field : limitedFields(entity.getClass())) {
            Column column = field.getAnnotation(Column.class);
            Object before = field.get(entity);
            field.set(entity, valueOf(field, column.length()));
            if (!ColumnFit.violations(entity).isEmpty()) {
                throw new AssertionError(column.name() + " at its length: " + ColumnFit.violations(entity));
            }
            field.set(entity, valueOf(field, column.length() + 1));
            List<String> violations = ColumnFit.violations(entity);
            if (violations.size() != 1 || !violations.get(0).startsWith(column.name() + " is longer than the " + column.length() + " characters")) {
                throw new AssertionError(column.name() + " one past its length: " + violations);
            }
            field.set(entity, before);
        }
    }
}
