package dev.tessera.http;

import java.net.URI;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the query out of every URI a container logger writes, before the record reaches a handler.
 *
 * <p>Jersey's {@code WebComponent} warns at WARNING, with the whole request URI, when a form-encoded
 * request's body was already read or empty while the servlet layer found parameters; a
 * {@code POST /token?client_id=x&client_secret=S} wrote the secret into the server log that way. Tessera
 * refuses credentials in the query ({@link CredentialsInQuery}) and tells Jersey not to take query
 * parameters for form parameters ({@link TesseraApplication}), so the warning no longer fires for them; this
 * filter is the last line for whatever else reaches that logger: the path stays, the query becomes
 * {@value #WITHHELD}. Records pass on to the filter that was there before.
 */
final class QueryRedactingLogFilter implements Filter {
    static final String WITHHELD = "?(query withheld)";
    private static final Pattern QUERY = Pattern.compile("\\?[^\\s#]*");

    private final Filter previous;

    QueryRedactingLogFilter(Filter previous) {
        this.previous = previous;
    }

    Filter previous() {
        return previous;
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record.getMessage() != null) {
            record.setMessage(redact(record.getMessage()));
        }
        Object[] parameters = record.getParameters();
        if (parameters != null) {
            Object[] redacted = parameters.clone();
            for (int i = 0; i < redacted.length; i++) {
                if (redacted[i] instanceof CharSequence || redacted[i] instanceof URI) {
                    redacted[i] = redact(String.valueOf(redacted[i]));
                }
            }
            record.setParameters(redacted);
        }
        return previous == null || previous.isLoggable(record);
    }

    static String redact(String text) {
        return QUERY.matcher(text).replaceAll(Matcher.quoteReplacement(WITHHELD));
    }
}
