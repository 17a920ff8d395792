package dev.tessera.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import org.junit.jupiter.api.Test;

class ExpiredViewExceptionHandlerTest {

    @Test
    void anExpiredViewIsRecognisedDirectlyOrInsideFacesWrappers() {
        ViewExpiredException expired = new ViewExpiredException("View /login.xhtml could not be restored.", "/login.xhtml");
        assertThat(ExpiredViewExceptionHandler.isExpiredView(expired)).isTrue();
        assertThat(ExpiredViewExceptionHandler.isExpiredView(new FacesException(new FacesException(expired)))).isTrue();
    }

    @Test
    void anythingElseIsLeftToTheDefaultHandler() {
        assertThat(ExpiredViewExceptionHandler.isExpiredView(null)).isFalse();
        assertThat(ExpiredViewExceptionHandler.isExpiredView(new FacesException("broken page"))).isFalse();
        // An application failure that happens to carry an expired view further down is not a client's post.
        assertThat(ExpiredViewExceptionHandler.isExpiredView(new IllegalStateException(
                new ViewExpiredException("x", "/login.xhtml")))).isFalse();
    }
}
