package dev.tessera.client;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Response types in one column, comma-separated: unlike scopes and URIs, a response type can itself
 * contain spaces ({@code code id_token}, OAuth 2.0 Multiple Response Type Encoding Practices §3).
 */
@Converter
public class ResponseTypesConverter implements AttributeConverter<Set<String>, String> {

    @Override
    public String convertToDatabaseColumn(Set<String> values) {
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }

    @Override
    public Set<String> convertToEntityAttribute(String column) {
        if (column == null || column.isBlank()) {
            return Set.of();
        }
        return Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(column.split(","))));
    }
}
