package dev.tessera.http;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;

/**
 * Writes a {@link PageForward} by forwarding the request to its page, the way JAX-RS view templates are
 * rendered. The status (and any Set-Cookie of the answer) is set on the servlet response first: the JAX-RS runtime commits its own status
 * only when its stream is first written, which the page's output never is.
 */
@Provider
public class PageForwardWriter implements MessageBodyWriter<PageForward> {
    private static final String SET_COOKIE = "Set-Cookie";

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return PageForward.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(PageForward page, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream) throws IOException {
        page.attributes().forEach(request::setAttribute);
        response.setStatus(page.status());
        // The JAX-RS runtime never writes its own headers here (see above): carry the answer's cookies over.
        for (Object cookie : httpHeaders.getOrDefault(SET_COOKIE, List.of())) {
            response.addHeader(SET_COOKIE, cookie.toString());
        }
        response.setHeader("Cache-Control", "no-store");
        try {
            StreamBackedResponse rendered = new StreamBackedResponse(response);
            request.getRequestDispatcher(page.view()).forward(request, rendered);
            rendered.finish();
        } catch (ServletException e) {
            throw new WebApplicationException(e);
        }
    }
}
