package dev.tessera.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Checks {@link FitsColumns}: each text column's value, as it will be written, against the column's length. */
public class FitsColumnsValidator implements ConstraintValidator<FitsColumns, Object> {
    private static final Map<Class<?>, List<Sized>> COLUMNS = new ConcurrentHashMap<>();
    private Set<String> unbounded = Set.of();

    /** One length-limited column of an entity: its field, its length and, for a converted field, the converter. */
    private record Sized(Field field, Column column, AttributeConverter<Object, Object> converter) {
    }

    @Override
    public void initialize(FitsColumns annotation) {
        unbounded = Set.of(annotation.unbounded());
    }

    @Override
    public boolean isValid(Object entity, ConstraintValidatorContext context) {
        if (entity == null) {
            return true;
        }
        boolean valid = true;
        for (Sized sized : COLUMNS.computeIfAbsent(entity.getClass(), FitsColumnsValidator::columns)) {
            if (unbounded.contains(sized.column().name())) {
                continue;
            }
            int length = length(sized, entity);
            if (length > sized.column().length()) {
                valid = false;
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(sized.column().name() + " is longer than the "
                        + sized.column().length() + " characters it is stored in (" + length + ")")
                        .addPropertyNode(sized.field().getName()).addConstraintViolation();
            }
        }
        return valid;
    }

    private static int length(Sized sized, Object entity) {
        Object value;
        try {
            value = sized.field().get(entity);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        Object stored = value != null && sized.converter() != null ? sized.converter().convertToDatabaseColumn(value) : value;
        return stored instanceof String text ? text.length() : 0;
    }

    @SuppressWarnings("unchecked")
    private static List<Sized> columns(Class<?> type) {
        List<Sized> columns = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                Column column = field.getAnnotation(Column.class);
                Convert convert = field.getAnnotation(Convert.class);
                if (column == null || (field.getType() != String.class && convert == null)) {
                    continue;
                }
                field.setAccessible(true);
                AttributeConverter<Object, Object> converter = null;
                if (convert != null) {
                    try {
                        converter = (AttributeConverter<Object, Object>) convert.converter().getDeclaredConstructor().newInstance();
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException("Cannot make the converter of " + field, e);
                    }
                }
                columns.add(new Sized(field, column, converter));
            }
        }
        return List.copyOf(columns);
    }
}
