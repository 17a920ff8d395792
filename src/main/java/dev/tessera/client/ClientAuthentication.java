package dev.tessera.client;

import java.util.Set;

/**
 * One client authentication method (RFC 6749 §2.3, RFC 7523 §2.2, OpenID Connect Core §9), found through
 * CDI by its wire name as grants are: adding RFC 8705's {@code tls_client_auth} is adding a bean. The front
 * door ({@link ClientAuthenticator}) finds the client, then asks the bean of the method that client
 * registered to check what the request presented; the bean also says what registration needs.
 */
public interface ClientAuthentication {

    /** The {@code token_endpoint_auth_method} value (RFC 7591 §2) this bean checks. */
    String method();

    /** What of an issued secret the method needs kept. */
    default ClientSecretKind secret() {
        return ClientSecretKind.NONE;
    }

    /** False for a method that proves nothing about the client (RFC 6749 §2.1 public clients). */
    default boolean confidential() {
        return true;
    }

    /** The JWS algorithms a client of this method may name in {@code token_endpoint_auth_signing_alg}; empty when it signs nothing. */
    default Set<String> signingAlgorithms() {
        return Set.of();
    }

    /** Registration rules of this method (RFC 7591 §2), as {@code invalid_client_metadata}. */
    default void checkMetadata(ClientMetadata metadata) {
    }

    /**
     * Checks the credentials presented for a client registered with this method; throws {@code invalid_client}
     * when they are missing, of another kind, or wrong.
     */
    void verify(Client client, PresentedCredentials presented);
}
