package dev.tessera.persistence;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;

/**
 * Validates an entity's Bean Validation constraints ({@link FitsColumns}, counts) before it is written, so input
 * that the columns cannot hold is the caller's error with the field named, never a failed insert and a 500.
 */
public final class ColumnFit {
    private static final class Holder {
        static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    }

    private ColumnFit() {
    }

    /** What does not fit, one sentence per field naming it, in a stable order; empty when everything fits. */
    public static List<String> violations(Object entity) {
        return Holder.VALIDATOR.validate(entity).stream().map(ConstraintViolation::getMessage).sorted(Comparator.naturalOrder()).toList();
    }
}
