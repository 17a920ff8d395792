package dev.tessera.http;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.logging.Logger;

/**
 * Installs a {@link ClientFaultLogFilter} on each container logger that logs client faults with stack traces,
 * and a {@link QueryRedactingLogFilter} on Jersey's servlet logger, which writes request URIs with their query,
 * while Tessera is deployed, and puts the previous filters back when it is undeployed. On a container
 * without those loggers (WildFly) the filters simply never see a record.
 */
@WebListener
public class ContainerLogHygiene implements ServletContextListener {
    /** The faults by logger. JUL holds loggers weakly; these references keep the configured ones alive. */
    private static final Map<Logger, List<ClientFaultLogFilter.Fault>> LOGGERS = ClientFaultLogFilter.FAULTS.stream()
            .collect(Collectors.groupingBy(fault -> Logger.getLogger(fault.logger()), LinkedHashMap::new, Collectors.toList()));
    private static final Duration REPORT_INTERVAL = Duration.ofMinutes(1);
    /** Jersey's servlet container: logs a request's whole URI, query included (see {@link QueryRedactingLogFilter}). */
    static final String JERSEY_SERVLET = "org.glassfish.jersey.servlet.WebComponent";
    private static final Logger JERSEY = Logger.getLogger(JERSEY_SERVLET);

    @Override
    public void contextInitialized(ServletContextEvent event) {
        synchronized (LOGGERS) {
            LOGGERS.forEach((logger, faults) -> {
                if (!(logger.getFilter() instanceof ClientFaultLogFilter)) {
                    logger.setFilter(new ClientFaultLogFilter(faults, logger.getFilter(), Clock.systemUTC(), REPORT_INTERVAL));
                }
            });
            if (!(JERSEY.getFilter() instanceof QueryRedactingLogFilter)) {
                JERSEY.setFilter(new QueryRedactingLogFilter(JERSEY.getFilter()));
            }
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        synchronized (LOGGERS) {
            for (Logger logger : LOGGERS.keySet()) {
                if (logger.getFilter() instanceof ClientFaultLogFilter installed) {
                    logger.setFilter(installed.previous());
                }
            }
            if (JERSEY.getFilter() instanceof QueryRedactingLogFilter installed) {
                JERSEY.setFilter(installed.previous());
            }
        }
    }
}
