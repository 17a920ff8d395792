package dev.tessera.web;

import dev.tessera.http.ExpiredPage;
import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * Answers a post-back whose view state the server does not hold (expired, or a forged cross-site post)
 * inside Faces, with {@link ExpiredPage}'s 400.
 *
 * <p>Left to the container, the {@link ViewExpiredException} reached the error page as well, but Payara first
 * logged it with its whole stack trace at WARNING: anyone could fill the log by posting a made-up view state.
 * Every other exception goes on to the default handler.
 */
public class ExpiredViewExceptionHandler extends ExceptionHandlerWrapper {

    ExpiredViewExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator(); events.hasNext();) {
            if (isExpiredView(events.next().getContext().getException())) {
                events.remove();
                answer(FacesContext.getCurrentInstance());
            }
        }
        getWrapped().handle();
    }

    private static void answer(FacesContext faces) {
        HttpServletResponse response = (HttpServletResponse) faces.getExternalContext().getResponse();
        if (!response.isCommitted()) {
            response.resetBuffer();
            try {
                ExpiredPage.write(response);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        faces.responseComplete();
    }

    static boolean isExpiredView(Throwable thrown) {
        int depth = 0;
        for (Throwable t = thrown; t != null && depth++ < 16; t = t.getCause()) {
            if (t instanceof ViewExpiredException) {
                return true;
            }
            if (!(t instanceof FacesException)) {
                return false;
            }
        }
        return false;
    }

    /** Registered in faces-config.xml; wraps whatever handler factory comes before it. */
    public static class Factory extends ExceptionHandlerFactory {
        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new ExpiredViewExceptionHandler(getWrapped().getExceptionHandler());
        }
    }
}
