package dev.tessera.config;

import java.time.Duration;

/**
 * How long hot-path lookups may be answered from memory.
 *
 * @param clientTtl how long a client read from the database is reused; a change made on another node
 *                  is seen after this at the latest
 */
public record CacheSettings(Duration clientTtl) {
}
