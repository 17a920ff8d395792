package dev.tessera.persistence;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Ends the background work while the database is still there. The servlet context is destroyed when the web module
 * stops, before the container closes the persistence unit (Payara: the web container stops before the JPA
 * container; WildFly: the persistence unit service depends on the deployment). The beans' own {@code @PreDestroy}
 * comes later on Payara, so a job run or a final write there met a closed EntityManagerFactory.
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
