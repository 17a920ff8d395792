package dev.tessera.http;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * A handler filter that adds the current request's id to a record as a map parameter. It runs where the record is
 * published, on the thread that logs it, which is the only place the id is known: a handler may format later on a
 * thread of its own (Payara Server's file handler does). The previous filter still decides.
 */
final class RequestIdStamp implements Filter {
    private final Filter previous;

    RequestIdStamp(Filter previous) {
        this.previous = previous;
    }

    Filter previous() {
        return previous;
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (previous != null && !previous.isLoggable(record)) {
            return false;
        }
        RequestIds.current().ifPresent(id -> stamp(record, id));
        return true;
    }

    static void stamp(LogRecord record, String id) {
        if (requestId(record).isPresent()) {
            return; // another handler stamped it already
        }
        Object[] parameters = record.getParameters() == null ? new Object[0] : record.getParameters();
        Object[] stamped = Arrays.copyOf(parameters, parameters.length + 1);
        stamped[parameters.length] = JsonLogLines.parameter(id);
        record.setParameters(stamped);
    }

    static Optional<String> requestId(LogRecord record) {
        if (record.getParameters() == null) {
            return Optional.empty();
        }
        return Arrays.stream(record.getParameters()).filter(p -> p instanceof Map<?, ?> m && m.containsKey(JsonLogLines.REQUEST_ID))
                .map(p -> String.valueOf(((Map<?, ?>) p).get(JsonLogLines.REQUEST_ID))).findFirst();
    }
}
