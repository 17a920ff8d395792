package dev.tessera.web;

import dev.tessera.http.ExpiredPage;
import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.component.UIViewRoot;
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
 * inside Faces: the themed expired page ({@code expired.xhtml}) with status 400.
 *
 * <p>Left to the container, the {@link ViewExpiredException} reached the error page as well, but Payara first
 * logged it with its whole stack trace at WARNING: anyone could fill the log by posting a made-up view state.
 * Every other exception goes on to the default handler.
 */
public class ExpiredViewExceptionHandler extends ExceptionHandlerWrapper {
    static final String VIEW = "/expired.xhtml";

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

    /**
     * Renders the themed expired page ({@link #VIEW}) in place of the view that could not be restored, with
     * status 400. Should that fail, the plain {@link ExpiredPage} answers, so the person still reads what to do.
     */
    private static void answer(FacesContext faces) {
        HttpServletResponse response = (HttpServletResponse) faces.getExternalContext().getResponse();
        if (response.isCommitted()) {
            faces.responseComplete();
            return;
        }
        try {
            ViewHandler views = faces.getApplication().getViewHandler();
            UIViewRoot root = views.createView(faces, VIEW);
            faces.setViewRoot(root);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            faces.renderResponse();
        } catch (RuntimeException e) {
            response.resetBuffer();
            try {
                ExpiredPage.write(response);
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
            faces.responseComplete();
        }
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
