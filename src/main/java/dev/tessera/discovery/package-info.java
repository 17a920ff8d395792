/**
 * Authorization server metadata (RFC 8414 §2, §3) and OpenID Provider metadata (OpenID Connect
 * Discovery 1.0 §3, §4), assembled from what each deployed capability contributes, so nothing is
 * advertised that is not there.
 */
package dev.tessera.discovery;
