/**
 * Operations: MicroProfile Health liveness and readiness (database, schema, signing keys), and the
 * start-up banner that says where Tessera listens. No protocol logic.
 */
package dev.tessera.health;
