package dev.tessera.client;

import java.util.Set;

/**
 * A capability that serves grant types (RFC 7591 §2 {@code grant_types}): the token endpoint's grant handlers,
 * the authorization endpoint's implicit grant. Client registration accepts exactly what the deployed sources
 * serve, so a grant added later is registrable without editing a list here.
 */
public interface GrantTypeSource {
    Set<String> grantTypes();
}
