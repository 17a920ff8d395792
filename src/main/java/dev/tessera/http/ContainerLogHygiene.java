package dev.tessera.http;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Installs {@link UndecodablePathLogFilter} on the container's request-processing logger while Tessera is
 * deployed, and puts the previous filter back when it is undeployed. On a container without that logger
 * (WildFly) the filter simply never sees a record.
 */
@WebListener
public class ContainerLogHygiene implements ServletContextListener {
    /** JUL holds loggers weakly; this reference keeps the configured one (and its filter) alive. */
    private static final Logger CONTAINER = Logger.getLogger(UndecodablePathLogFilter.CONTAINER_LOGGER);
    private static final Duration REPORT_INTERVAL = Duration.ofMinutes(1);

    @Override
    public void contextInitialized(ServletContextEvent event) {
        synchronized (CONTAINER) {
            if (!(CONTAINER.getFilter() instanceof UndecodablePathLogFilter)) {
                CONTAINER.setFilter(new UndecodablePathLogFilter(CONTAINER.getFilter(), Clock.systemUTC(), REPORT_INTERVAL));
            }
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        synchronized (CONTAINER) {
            if (CONTAINER.getFilter() instanceof UndecodablePathLogFilter installed) {
                CONTAINER.setFilter(installed.previous());
            }
        }
    }
}
