/**
 * Claims, on a floor of their own so that tokens, userinfo and (later) logout and federation read them the
 * same way without depending on each other: which user claims each standard scope stands for (OpenID
 * Connect Core §5.4), the {@code claims} request parameter (§5.5), and claim values as JSON (§5.1).
 */
package dev.tessera.claims;
