package dev.tessera.web.theme;

import dev.tessera.config.ConfigKeys;
import dev.tessera.config.UiSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The theme in force: loaded once at start-up from {@code tessera.theme.dir}, every problem logged as a
 * WARNING with its file and line, and the built-in look for whatever was left out. Loading never fails the
 * deployment: an operator's mistake must not keep people from signing in.
 */
@ApplicationScoped
public class Themes {
    private static final Logger LOG = Logger.getLogger(Themes.class.getName());
    static final String BUNDLE = "/dev/tessera/web/messages.properties";

    @Inject
    UiSettings settings;

    private volatile Theme theme;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        current();
    }

    public Theme current() {
        Theme loaded = theme;
        if (loaded == null) {
            loaded = load();
            theme = loaded;
        }
        return loaded;
    }

    private synchronized Theme load() {
        if (theme != null) {
            return theme;
        }
        if (settings.themeDir() == null) {
            return Theme.NONE;
        }
        Path dir = Path.of(settings.themeDir());
        Theme loaded;
        try {
            loaded = new ThemeLoader(knownKeys(), Set.copyOf(ThemeContract.LANGUAGES)).load(dir);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Theme " + dir + " (" + ConfigKeys.THEME_DIR + ") cannot be used; the built-in look is used", e);
            return Theme.NONE;
        }
        loaded.problems().forEach(p -> LOG.warning(() -> "Theme problem: " + p));
        LOG.info(() -> "Theme " + dir + " loaded (contract version " + ThemeContract.VERSION + ", assets " + loaded.hash() + "): "
                + loaded.assets().size() + " assets, slots " + loaded.slots().keySet() + ", " + loaded.problems().size() + " problems");
        return loaded;
    }

    /** The keys of the built-in English bundle: the complete list a theme may override. */
    static Set<String> knownKeys() {
        Properties bundle = new Properties();
        try (InputStream in = Themes.class.getResourceAsStream(BUNDLE)) {
            bundle.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new HashSet<>(bundle.stringPropertyNames());
    }
}
