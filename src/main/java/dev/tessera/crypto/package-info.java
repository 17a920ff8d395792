/**
 * The cryptographic provider everything else uses. When the Amazon Corretto Crypto Provider (native
 * AWS-LC code) is on the server's class path and healthy, it is installed first in the JCA provider list at
 * start-up, so every {@code Signature}, {@code MessageDigest}, {@code Mac} and {@code SecureRandom} lookup
 * (jose4j's included) gets it; otherwise the JDK's providers serve, and the log says why once. Nothing
 * else in Tessera names a provider: RFC 7518 §3 algorithms are the same bytes whoever computes them.
 */
package dev.tessera.crypto;
