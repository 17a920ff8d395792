package dev.tessera.persistence;

/**
 * Fired when the web application stops (its servlet context is destroyed), after every {@link RepeatingTask} has
 * stopped and before the container closes the persistence unit: the last moment a bean can still write, such as the
 * audit trail's final batch. {@code @PreDestroy} is too late for that on Payara, whose CDI container ends after the
 * persistence unit closed (a write there failed with "operation on a closed EntityManagerFactory").
 */
public record ApplicationStopping() {
}
