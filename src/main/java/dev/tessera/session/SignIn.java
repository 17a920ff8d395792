package dev.tessera.session;

/**
 * A person's sign-in as a grant carries it: who, how ({@link Authentication}), and the SSO session it belongs
 * to. The session id ({@code sid}, OpenID Connect Front- and Back-Channel Logout) binds the grant's tokens
 * to that session, so ending the session ends them; it is null where there is no session (password grant,
 * token exchange) and where the tokens must outlive it (device code).
 */
public record SignIn(String subject, Authentication authentication, String sid) {
}
