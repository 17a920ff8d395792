/**
 * Security events: what happened, who did it, to whom, through which client. Every part of Tessera that
 * changes security state reports it here as an {@link dev.tessera.audit.AuditEvent} through
 * {@link dev.tessera.audit.AuditLog}; observers of the CDI event persist and export it. Infrastructure:
 * no protocol logic, depends only on the vocabulary.
 */
package dev.tessera.audit;
