/**
 * Telling applications that a session ended: OpenID Connect Back-Channel Logout 1.0. The logout token (§2.4,
 * {@link dev.tessera.session.logout.LogoutTokens}), the durable outbox written in the transaction that ends the
 * session ({@link dev.tessera.session.logout.BackchannelOutbox}), the worker every node runs
 * ({@link dev.tessera.session.logout.BackchannelWorker}) and the guarded POST (§2.5,
 * {@link dev.tessera.session.logout.BackchannelSender}): at least once, retried with back-off, given up after a
 * configured number of attempts, never on the person's own request.
 */
package dev.tessera.session.logout;
