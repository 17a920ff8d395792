/**
 * Security events: what happened, who did it, to whom, through which client. Every part of Tessera that
 * changes security state reports it here as an {@link dev.tessera.audit.AuditEvent} through
 * {@link dev.tessera.audit.AuditLog}; {@link dev.tessera.audit.AuditTrail} persists the events asynchronously in
 * a SHA-256 hash chain (docs/audit.md) that verification, retention and the query API read, and
 * {@link dev.tessera.audit.AuditExports} copies them out as JSON lines (RFC 8259) or syslog messages (RFC 5424
 * over UDP, RFC 5426). Infrastructure: depends only on persistence's start-up event and the vocabulary.
 */
package dev.tessera.audit;
