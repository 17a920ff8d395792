package dev.tessera.client;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A set of tokens that cannot contain spaces (URIs, scope values, grant types) in one column,
 * space-separated as scope is on the wire (RFC 6749 §3.3). One typed column per setting, read with the
 * client row in one query, instead of a join table per list.
 */
@Converter
public class SpaceSeparatedConverter implements AttributeConverter<Set<String>, String> {

    @Override
    public String convertToDatabaseColumn(Set<String> values) {
        return values == null || values.isEmpty() ? null : String.join(" ", values);
    }

    @Override
    public Set<String> convertToEntityAttribute(String column) {
        if (column == null || column.isBlank()) {
            return Set.of();
        }
        return Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(column.trim().split(" +"))));
    }
}
