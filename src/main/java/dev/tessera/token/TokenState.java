package dev.tessera.token;

import dev.tessera.persistence.ExpiringState;
import jakarta.enterprise.context.ApplicationScoped;

/** Expired opaque tokens and revocation entries of expired JWTs are reaped. */
public final class TokenState {
    private TokenState() {
    }

    @ApplicationScoped
    public static class Opaque implements ExpiringState {
        @Override
        public String entity() {
            return "OpaqueToken";
        }

        @Override
        public String idAttribute() {
            return "tokenHash";
        }
    }

    @ApplicationScoped
    public static class Revoked implements ExpiringState {
        @Override
        public String entity() {
            return "RevokedToken";
        }

        @Override
        public String idAttribute() {
            return "jti";
        }
    }
}
