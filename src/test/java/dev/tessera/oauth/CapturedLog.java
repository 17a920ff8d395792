package dev.tessera.oauth;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects what one logger writes, and keeps it off the console while the test runs. */
final class CapturedLog extends Handler implements AutoCloseable {
    final List<LogRecord> records = new ArrayList<>();
    private final Logger logger;

    CapturedLog(Class<?> owner) {
        logger = Logger.getLogger(owner.getName());
        logger.addHandler(this);
        logger.setUseParentHandlers(false);
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setUseParentHandlers(true);
    }
}
