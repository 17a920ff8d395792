/**
 * One class per grant type: client credentials (RFC 6749 §4.4) now; scope (RFC 6749 §3.3) and
 * audience (RFC 8707 §2) rules shared by all grants.
 */
package dev.tessera.token.grant;
