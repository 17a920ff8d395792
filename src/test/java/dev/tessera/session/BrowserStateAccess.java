package dev.tessera.session;

import dev.tessera.config.Issuer;

/** For tests of other packages: the session_state computation wired as CDI would, for {@code issuer}. */
public final class BrowserStateAccess {
    private BrowserStateAccess() {
    }

    public static SessionStates sessionStates(Issuer issuer) {
        SessionStates states = new SessionStates();
        states.browserState = new BrowserState();
        states.browserState.issuer = issuer;
        return states;
    }
}
