package dev.tessera.http;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object per line ({@code tessera.log.format=json}): time, level, logger, thread, message, the request's
 * correlation id when the record was written while serving one ({@link RequestIdStamp}), and the exception with its
 * stack trace as one string, so a log shipper never has to join lines.
 */
public final class JsonLogLines extends Formatter {
    static final String REQUEST_ID = "requestId";

    @Override
    public String format(LogRecord record) {
        JsonObjectBuilder line = Json.createObjectBuilder()
                .add("time", Instant.ofEpochMilli(record.getMillis()).toString())
                .add("level", record.getLevel().getName())
                .add("logger", String.valueOf(record.getLoggerName()))
                .add("thread", record.getLongThreadID());
        String message = formatMessage(record);
        line.add("message", message == null ? "" : message);
        RequestIdStamp.requestId(record).ifPresent(id -> line.add(REQUEST_ID, id));
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.add("exception", trace.toString());
        }
        return line.build().toString() + System.lineSeparator();
    }

    /** The id as the one entry of a map parameter: the shape Payara's own JSONLogFormatter also prints as a field. */
    static Map<String, String> parameter(String id) {
        return Map.of(REQUEST_ID, id);
    }
}
