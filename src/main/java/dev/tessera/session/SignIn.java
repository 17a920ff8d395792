package dev.tessera.session;

/**
 * A person's sign-in as a grant carries it: who, how ({@link Authentication}), and the SSO session it belongs
 * to. The session id ({@code sid}, OpenID Connect Front- and Back-Channel Logout) binds the grant's tokens
 * to that session, so ending the session ends them; it is null where tokens must outlive the browser's
 * session (device code, password grant, token exchange).
 */
public record SignIn(String subject, Authentication authentication, String sid) {
}
