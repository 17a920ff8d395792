package dev.tessera.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;

/**
 * Stores every {@link Instant} as epoch milliseconds in a BIGINT column. EclipseLink 4.0 would write
 * Instant as a BLOB, and TIMESTAMP columns differ in zone handling and range between H2, PostgreSQL
 * and MariaDB; a number means the same on all three and on every node whatever its time zone.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, Long> {

    @Override
    public Long convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    @Override
    public Instant convertToEntityAttribute(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
