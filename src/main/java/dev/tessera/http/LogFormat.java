package dev.tessera.http;

import dev.tessera.config.ConfigKeys;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * {@code tessera.log.format=json}: while Tessera is deployed, every handler of the root logger writes
 * {@link JsonLogLines} with the request's correlation id ({@link RequestIds}); the previous formatters and filters
 * come back at undeployment. A servlet container initializer, so it runs before the listener that starts CDI and
 * with it Tessera's own start-up lines; records the server writes before Tessera deploys keep the server's format
 * (docs/operations.md#logs). {@code text}, the default, changes nothing.
 */
public class LogFormat implements ServletContainerInitializer, ServletContextListener {
    static final String JSON = "json";
    static final String TEXT = "text";
    private static final Logger ROOT = Logger.getLogger("");
    private final Map<Handler, Formatter> replaced = new IdentityHashMap<>();

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        String format = ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader())
                .getOptionalValue(ConfigKeys.LOG_FORMAT, String.class).orElse(TEXT);
        String chosen = format.trim().toLowerCase(Locale.ROOT);
        if (!JSON.equals(chosen)) {
            if (!TEXT.equals(chosen)) {
                Logger.getLogger(LogFormat.class.getName()).warning(() -> ConfigKeys.LOG_FORMAT + " is neither " + TEXT
                        + " nor " + JSON + "; the log stays as the server writes it");
            }
            return;
        }
        synchronized (replaced) {
            for (Handler handler : ROOT.getHandlers()) {
                replaced.put(handler, handler.getFormatter());
                handler.setFormatter(new JsonLogLines());
                if (!(handler.getFilter() instanceof RequestIdStamp)) {
                    handler.setFilter(new RequestIdStamp(handler.getFilter()));
                }
            }
        }
        context.addListener(this);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        synchronized (replaced) {
            replaced.forEach((handler, formatter) -> {
                handler.setFormatter(formatter);
                if (handler.getFilter() instanceof RequestIdStamp stamp) {
                    handler.setFilter(stamp.previous());
                }
            });
            replaced.clear();
        }
    }
}
