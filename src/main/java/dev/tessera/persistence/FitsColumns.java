package dev.tessera.persistence;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Bean Validation constraint on an entity: every text its columns will hold fits them. The limits are
 * read from the entity's own {@code @Column(length)}, so they cannot drift from the schema (the changelog
 * and the mapping are kept equal by LiquibaseChangelogIT), and a field added later is covered without a word.
 * A text column holds the string; a field stored through an {@code @Convert} converter holds its encoded form.
 * Each violation names the column, which is also the wire name of nearly every field.
 */
@Documented
@Constraint(validatedBy = FitsColumnsValidator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface FitsColumns {
    String message() default "does not fit the columns it is stored in";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /**
     * Columns the changelog makes {@code clob} (text without a length): the length in their mapping is a hint,
     * not a limit, so they are bounded by counts ({@code @Size}) and the request size instead.
     */
    String[] unbounded() default {};
}
