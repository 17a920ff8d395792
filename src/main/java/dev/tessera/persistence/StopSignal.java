package dev.tessera.persistence;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Ends the background work while the database is still there. The servlet context is destroyed when the web module
 * stops, the earliest portable sign that the application is ending, while its persistence unit is still open (on
 * WildFly the persistence unit's service outlives the deployment that depends on it; on Payara Micro a final audit
 * batch written here reached the table at SIGTERM). Waiting for {@code @PreDestroy} instead leaves a job's run, or a
 * final write, to race the persistence unit's closing, whose order against CDI's shutdown no specification fixes.
 */
@WebListener
public class StopSignal implements ServletContextListener {
    @Inject
    Event<ApplicationStopping> stopping;

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        RepeatingTask.stopAll();
        stopping.fire(new ApplicationStopping());
    }
}
