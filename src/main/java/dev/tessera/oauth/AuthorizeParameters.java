package dev.tessera.oauth;

/** Authorization request and response parameters (RFC 6749 §4.1, OpenID Connect Core §3.1.2.1, RFC 7636, RFC 9207). */
public final class AuthorizeParameters {
    public static final String RESPONSE_TYPE = "response_type";
    public static final String REDIRECT_URI = "redirect_uri";
    public static final String STATE = "state";
    public static final String RESPONSE_MODE = "response_mode";
    public static final String NONCE = "nonce";
    public static final String DISPLAY = "display";
    public static final String PROMPT = "prompt";
    public static final String MAX_AGE = "max_age";
    public static final String UI_LOCALES = "ui_locales";
    public static final String ID_TOKEN_HINT = "id_token_hint";
    public static final String LOGIN_HINT = "login_hint";
    public static final String ACR_VALUES = "acr_values";
    public static final String CLAIMS = "claims";
    public static final String REQUEST = "request";
    public static final String REQUEST_URI = "request_uri";
    public static final String CODE_CHALLENGE = "code_challenge";
    public static final String CODE_CHALLENGE_METHOD = "code_challenge_method";
    public static final String CODE_VERIFIER = "code_verifier";
    public static final String CODE = "code";
    public static final String ID_TOKEN = "id_token";
    /** RFC 9207 §2. */
    public static final String ISS = "iss";
    /** OpenID Connect Session Management 1.0 §3. */
    public static final String SESSION_STATE = "session_state";

    private AuthorizeParameters() {
    }
}
