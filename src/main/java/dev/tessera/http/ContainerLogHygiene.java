package dev.tessera.http;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * Installs a {@link ClientFaultLogFilter} on each container logger that logs client faults with stack traces
 * while Tessera is deployed, and puts the previous filters back when it is undeployed. On a container
 * without those loggers (WildFly) the filters simply never see a record.
 */
@WebListener
public class ContainerLogHygiene implements ServletContextListener {
    /** JUL holds loggers weakly; these references keep the configured ones (and their filters) alive. */
    private static final List<Logger> LOGGERS = ClientFaultLogFilter.FAULTS.stream()
            .map(fault -> Logger.getLogger(fault.logger())).toList();
    private static final Duration REPORT_INTERVAL = Duration.ofMinutes(1);

    @Override
    public void contextInitialized(ServletContextEvent event) {
        synchronized (LOGGERS) {
            for (int i = 0; i < LOGGERS.size(); i++) {
                Logger logger = LOGGERS.get(i);
                if (!(logger.getFilter() instanceof ClientFaultLogFilter)) {
                    logger.setFilter(new ClientFaultLogFilter(ClientFaultLogFilter.FAULTS.get(i), logger.getFilter(),
                            Clock.systemUTC(), REPORT_INTERVAL));
                }
            }
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        synchronized (LOGGERS) {
            for (Logger logger : LOGGERS) {
                if (logger.getFilter() instanceof ClientFaultLogFilter installed) {
                    logger.setFilter(installed.previous());
                }
            }
        }
    }
}
