package dev.tessera.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What the passkey pages share with webauthn.js (docs/themes.md): the hidden field the script fills with the
 * credential's JSON, and what binds a ceremony's challenge to this browser (Web Authentication §13.4.3): its HTTP
 * session, made here when the page is first shown.
 */
final class PasskeyPages {
    /** The hidden field carrying {@code PublicKeyCredential.toJSON()} (RegistrationResponseJSON or AuthenticationResponseJSON). */
    static final String RESPONSE = "webauthn-response";

    private PasskeyPages() {
    }

    static String binding(HttpServletRequest request) {
        return "webauthn:" + request.getSession(true).getId();
    }
}
