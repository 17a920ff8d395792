/**
 * Typed settings read once from MicroProfile Config (every {@code tessera.*} key is named in
 * {@link dev.tessera.config.ConfigKeys}), the issuer from which all published URLs derive
 * (RFC 8414 §2, §3.3), the injectable clock, and the start-up checks that warn about unsafe
 * settings such as a plain-http issuer (RFC 9700 §2.6).
 */
package dev.tessera.config;
