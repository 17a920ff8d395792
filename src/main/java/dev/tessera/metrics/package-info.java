/**
 * Metrics with one set of names on every server: Tessera's own Micrometer registry in the Prometheus text
 * exposition format (and OpenMetrics 1.0 when asked for), served at {@code /metrics} by Tessera itself, so
 * nothing depends on whether the server offers MicroProfile Metrics. JVM series (memory, GC, threads, class
 * loading, CPU, uptime) and Tessera's own: tokens and token errors, sign-ins, throttled logins, LDAP calls,
 * the crypto provider. Infrastructure: no protocol logic, callers pass plain labels.
 */
package dev.tessera.metrics;
