package dev.tessera.http;

import dev.tessera.config.HttpSettings;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.RequestTooLargeException;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;

/**
 * Refuses oversized requests before any endpoint reads them. Headers over
 * {@code tessera.http.max-header-bytes} get 431 (RFC 6585 §5). Bodies over
 * {@code tessera.http.max-body-bytes} get 413: at once when Content-Length says so, and while reading
 * when the body is chunked. No endpoint of an authorization server needs a large request, and an
 * unbounded one lets a caller exhaust memory.
 *
 * <p>A step of the filter every request crosses ({@code web/EveryRequestFilter}), before any step that reads the
 * request's parameters.
 */
@Dependent
public class RequestLimits {
    private final HttpSettings settings;

    @Inject
    public RequestLimits(HttpSettings settings) {
        this.settings = settings;
    }

    /** True when the request is over a limit and has been answered so. */
    public boolean refused(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (headerBytes(request) > settings.maxHeaderBytes()) {
            ErrorWriter.write(response, OAuthError.HEADERS_TOO_LARGE,
                    "The request headers are larger than this server accepts (" + settings.maxHeaderBytes() + " bytes)");
            return true;
        }
        if (request.getContentLengthLong() > settings.maxBodyBytes()) {
            ErrorWriter.write(response, OAuthError.REQUEST_TOO_LARGE,
                    "The request body is larger than this server accepts (" + settings.maxBodyBytes() + " bytes)");
            return true;
        }
        return false;
    }

    /** The request as the endpoints should read it: a chunked body is counted as it is read. */
    public HttpServletRequest bounded(HttpServletRequest request) {
        // A declared length within the limit is enforced by the container itself (it never reads past
        // Content-Length); only a chunked body needs counting as it is read.
        return request.getContentLengthLong() < 0 ? new Bounded(request, settings.maxBodyBytes()) : request;
    }

    private static long headerBytes(HttpServletRequest request) {
        long total = 0;
        for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements();) {
            String name = names.nextElement();
            for (Enumeration<String> values = request.getHeaders(name); values.hasMoreElements();) {
                total += name.length() + values.nextElement().length() + 4;
            }
        }
        return total;
    }

    private static final class Bounded extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new BoundedStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class BoundedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long count;

        BoundedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws RequestTooLargeException {
            count += n;
            if (count > limit) {
                throw new RequestTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
