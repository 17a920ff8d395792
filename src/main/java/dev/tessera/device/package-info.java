/**
 * The device authorization grant (RFC 8628): the device authorization endpoint (§3.1, §3.2), the user
 * codes people type (§6.1), the verification URI that forwards to the verification page (§3.3), the
 * polling rules and the token request of the device (§3.4, §3.5), and the discovery member (§4). The
 * pages themselves are backing beans in {@code web/}; this package holds the state they change, in the
 * database, so any node can answer any step.
 */
package dev.tessera.device;
