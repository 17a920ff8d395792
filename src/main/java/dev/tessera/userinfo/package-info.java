/**
 * Claims: which user claims each scope stands for (OpenID Connect Core §5.4), the {@code claims} request
 * parameter (§5.5), and the userinfo endpoint (§5.3).
 */
package dev.tessera.userinfo;
