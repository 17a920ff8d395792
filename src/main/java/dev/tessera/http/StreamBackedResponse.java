package dev.tessera.http;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The response a page forwarded from a JAX-RS resource renders into: its writer writes through the output stream.
 * The JAX-RS runtime closes the output stream once the message body writer returns; had the page taken the servlet
 * response's own writer, that close would fail ("getWriter() has already been called") and Jersey would log a SEVERE
 * stack trace for every themed error page, which anyone could provoke with a bad /authorize request.
 */
final class StreamBackedResponse extends HttpServletResponseWrapper {
    private PrintWriter writer;

    StreamBackedResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), charset), false);
        }
        return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        super.flushBuffer();
    }

    /** Everything the page wrote reaches the stream. */
    void finish() {
        if (writer != null) {
            writer.flush();
        }
    }
}
