/**
 * Remembered consent (OpenID Connect Core §3.1.2.4): which scopes a user approved for which client, so
 * that {@code prompt=none} can succeed and the consent page is shown only for what is new.
 */
package dev.tessera.consent;
