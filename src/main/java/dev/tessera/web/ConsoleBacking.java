package dev.tessera.web;

import dev.tessera.admin.ConsoleGate;
import dev.tessera.admin.ConsoleOperator;
import dev.tessera.oauth.OAuthException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Who is using the console ({@code #{console}}): the operator {@link ConsoleGate} found for this request, and the one
 * rule every change on every console page goes through, {@link #change}: a read-only operator's change is refused
 * here, on the server, whatever the page showed or the browser sent; an error of the service (the admin API's own
 * {@code error_description}) is shown on the page.
 */
@Named("console")
@RequestScoped
public class ConsoleBacking {
    private static final Logger LOG = Logger.getLogger(ConsoleBacking.class.getName());

    @Inject
    PageFlow flow;

    @Inject
    Locales locales;

    public ConsoleOperator getOperator() {
        return flow.request().getAttribute(ConsoleOperator.ATTRIBUTE) instanceof ConsoleOperator o ? o : null;
    }

    public boolean isReadOnly() {
        ConsoleOperator operator = getOperator();
        return operator == null || operator.readOnly();
    }

    /** The audit trail's actor for this operator's changes. */
    String actor() {
        return getOperator().actor();
    }

    /**
     * Runs a change for an operator who may change things, saying {@code done} (a message key) when it worked;
     * refuses it for a read-only one. The service's refusal is shown, never thrown.
     *
     * @return the change's result, or null when it was refused or failed
     */
    <T> T change(String done, Supplier<T> change) {
        if (isReadOnly()) {
            LOG.warning(() -> "Console change refused: " + (getOperator() == null ? "no operator" : getOperator().username()) + " is read-only");
            flow.response().setStatus(403);
            locales.say(FacesMessage.SEVERITY_ERROR, "console.read-only.refused");
            return null;
        }
        T result = ask(change);
        if (result != null && done != null) {
            locales.say(FacesMessage.SEVERITY_INFO, done);
        }
        return result;
    }

    /** Runs what any operator may do (a look-up); the service's refusal is shown, never thrown. */
    <T> T ask(Supplier<T> question) {
        try {
            return question.get();
        } catch (OAuthException e) {
            locales.say(FacesMessage.SEVERITY_ERROR, "console.refused", e.description());
            return null;
        }
    }

    /** Ends the console session only: the person's SSO session (and the other applications) are left alone. */
    public String signOut() {
        ConsoleOperator.signOut(flow.request().getSession(false));
        flow.seeOther("/");
        return null;
    }

    /** A console page with query parameters (values percent-encoded, empty ones left out), after a form post. */
    void show(String page, String... namesAndValues) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null && !namesAndValues[i + 1].isBlank()) {
                query.append(query.length() == 0 ? "?" : "&").append(namesAndValues[i]).append('=')
                        .append(encode(namesAndValues[i + 1].strip()));
            }
        }
        flow.seeOther(ConsoleGate.PAGES + page + query);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    String parameter(String name) {
        String value = flow.request().getParameter(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The {@code offset} of a page (digits only; 0 when absent or not a number). */
    int offset() {
        String offset = parameter("offset");
        return offset == null || !offset.matches("\\d{1,9}") ? 0 : Integer.parseInt(offset);
    }

    Locales locales() {
        return locales;
    }
}
