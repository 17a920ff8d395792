package dev.tessera.web.theme;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.ResourceHandler;
import jakarta.faces.application.ResourceHandlerWrapper;
import jakarta.faces.application.ViewResource;
import jakarta.faces.context.FacesContext;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.Optional;

/**
 * Puts a theme's checked slot fragment where the template includes the built-in one
 * ({@code /WEB-INF/templates/slots/NAME.xhtml}). The fragment is served from the copy taken and checked at
 * start-up, never from the directory, so a later edit cannot slip an unchecked fragment in.
 */
public class ThemeResourceHandler extends ResourceHandlerWrapper {
    static final String PROTOCOL = "tessera-theme";

    /**
     * The application-scoped {@link Themes}' client proxy, looked up once: {@code CDI.current()} finds its bean manager
     * by walking the caller's stack, and Facelets asks for each slot on every page it builds (about half a millisecond
     * of a sign-in's CPU before, docs/performance.md, "A sign-in on an Intel Xeon").
     */
    private volatile Themes themes;

    public ThemeResourceHandler(ResourceHandler wrapped) {
        super(wrapped);
    }

    @Override
    public ViewResource createViewResource(FacesContext context, String resourceName) {
        if (resourceName != null && resourceName.startsWith(ThemeContract.SLOT_PATH) && resourceName.endsWith(".xhtml")) {
            String slot = resourceName.substring(ThemeContract.SLOT_PATH.length(), resourceName.length() - ".xhtml".length());
            Optional<byte[]> fragment = themes().current().slot(slot);
            if (fragment.isPresent()) {
                return new InMemoryView(url(resourceName, fragment.get()));
            }
        }
        return super.createViewResource(context, resourceName);
    }

    private Themes themes() {
        Themes found = themes;
        if (found == null) {
            found = CDI.current().select(Themes.class).get();
            themes = found;
        }
        return found;
    }

    static URL url(String path, byte[] content) {
        try {
            return new URL(PROTOCOL, null, -1, path, new URLStreamHandler() {
                @Override
                protected URLConnection openConnection(URL u) {
                    return new URLConnection(u) {
                        @Override
                        public void connect() {
                            connected = true;
                        }

                        @Override
                        public InputStream getInputStream() {
                            return new ByteArrayInputStream(content);
                        }

                        @Override
                        public long getLastModified() {
                            return 0;
                        }
                    };
                }
            });
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A view resource whose content is the theme's fragment. */
    private static final class InMemoryView extends ViewResource {
        private final URL url;

        InMemoryView(URL url) {
            this.url = url;
        }

        @Override
        public URL getURL() {
            return url;
        }
    }
}
