package dev.tessera.user;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;

/**
 * Group names in one clob column, one per line. Not space-separated like scopes: directory group names
 * ("Domain Admins") often contain spaces, never line breaks (the admin API refuses control characters).
 */
@Converter
public class GroupsConverter implements AttributeConverter<List<String>, String> {

    @Override
    public String convertToDatabaseColumn(List<String> groups) {
        return groups == null || groups.isEmpty() ? null : String.join("\n", groups);
    }

    @Override
    public List<String> convertToEntityAttribute(String column) {
        if (column == null || column.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(column.split("\n")).filter(g -> !g.isEmpty()).toList();
    }
}
