package dev.tessera.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that a call fails with one {@link OAuthError}; further assertions go on the result. */
public final class OAuthAssertions {
    private OAuthAssertions() {
    }

    /** Runs the call once and checks it threw an {@link OAuthException} with that error. */
    public static OAuthException thrown(OAuthError error, ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("expected %s", error.code()).isInstanceOf(OAuthException.class);
        assertThat(((OAuthException) thrown).error()).as("error of: %s", thrown.getMessage()).isEqualTo(error);
        return (OAuthException) thrown;
    }

    public static AbstractThrowableAssert<?, ? extends Throwable> assertOAuthError(OAuthError error, ThrowingCallable call) {
        return assertThat(thrown(error, call));
    }
}
