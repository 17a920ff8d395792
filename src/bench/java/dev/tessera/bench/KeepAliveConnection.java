package dev.tessera.bench;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One HTTP/1.1 keep-alive connection on a plain socket, for one request at a time. It writes a
 * pre-built request and reads the response into a reused buffer, parsing only the status line,
 * Content-Length, Transfer-Encoding and Connection: little enough work that the load generator's CPU
 * stays small next to the server's, which matters when both share the same cores.
 */
final class KeepAliveConnection implements Closeable {
    private static final int TIMEOUT_MILLIS = 10_000;

    private final InetSocketAddress address;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private byte[] buffer = new byte[16 * 1024];
    private int length;

    private int status;
    private int bodyStart;
    private int bodyEnd;
    private boolean closeAfter;

    KeepAliveConnection(InetSocketAddress address) {
        this.address = address;
    }

    /** Sends the request and reads the whole response; opens (or reopens) the socket when needed. */
    void exchange(byte[] request) throws IOException {
        if (socket == null) {
            open();
        }
        try {
            out.write(request);
            out.flush();
            readResponse();
        } catch (IOException e) {
            close();
            throw e;
        }
        if (closeAfter) {
            close();
        }
    }

    int status() {
        return status;
    }

    /** True when the body starts with the given ASCII prefix. */
    boolean bodyStartsWith(byte[] prefix) {
        if (bodyEnd - bodyStart < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (buffer[bodyStart + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The values of every response header with this (lower-case) name, e.g. each Set-Cookie. */
    java.util.List<String> headers(String lowerName) {
        java.util.List<String> values = new java.util.ArrayList<>();
        int headEnd = bodyStart - 2;
        int line = indexOfCrlf(0, headEnd) + 2;
        while (line > 1 && line < headEnd) {
            int eol = indexOfCrlf(line, headEnd + 2);
            int colon = indexOf((byte) ':', line, eol);
            if (colon > 0 && nameIs(line, colon, lowerName)) {
                values.add(new String(buffer, colon + 1, eol - colon - 1, StandardCharsets.ISO_8859_1).trim());
            }
            line = eol + 2;
        }
        return values;
    }

    String body() {
        return new String(buffer, bodyStart, bodyEnd - bodyStart, StandardCharsets.UTF_8);
    }

    private void open() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setKeepAlive(true);
        s.setSoTimeout(TIMEOUT_MILLIS);
        s.connect(address, TIMEOUT_MILLIS);
        socket = s;
        in = s.getInputStream();
        out = s.getOutputStream();
    }

    private void readResponse() throws IOException {
        length = 0;
        int headerEnd;
        while ((headerEnd = indexOfHeaderEnd()) < 0) {
            fill();
        }
        parseHead(headerEnd);
        bodyStart = headerEnd + 4;
        if (chunked) {
            readChunked();
            return;
        }
        if (contentLength < 0) {
            // No length and not chunked: the body runs to the end of the connection.
            closeAfter = true;
            int n;
            while ((n = readMore()) > 0) {
                length += n;
            }
            bodyEnd = length;
            return;
        }
        bodyEnd = bodyStart + contentLength;
        while (length < bodyEnd) {
            fill();
        }
    }

    private int contentLength;
    private boolean chunked;

    private void parseHead(int headerEnd) throws IOException {
        // "HTTP/1.1 200 ..."
        if (headerEnd < 12 || buffer[0] != 'H' || buffer[8] != ' ') {
            throw new IOException("Not an HTTP/1.x response");
        }
        status = (buffer[9] - '0') * 100 + (buffer[10] - '0') * 10 + (buffer[11] - '0');
        contentLength = -1;
        chunked = false;
        closeAfter = buffer[7] == '0'; // HTTP/1.0 closes unless told otherwise
        int line = indexOfCrlf(0, headerEnd + 2) + 2;
        while (line < headerEnd) {
            int eol = indexOfCrlf(line, headerEnd + 2);
            int colon = indexOf((byte) ':', line, eol);
            if (colon > 0) {
                int valueStart = colon + 1;
                while (valueStart < eol && buffer[valueStart] == ' ') {
                    valueStart++;
                }
                if (nameIs(line, colon, "content-length")) {
                    long value = 0;
                    for (int i = valueStart; i < eol && buffer[i] >= '0' && buffer[i] <= '9'; i++) {
                        value = value * 10 + (buffer[i] - '0');
                    }
                    if (value > 64L * 1024 * 1024) {
                        throw new IOException("Response body too large: " + value);
                    }
                    contentLength = (int) value;
                } else if (nameIs(line, colon, "transfer-encoding")) {
                    chunked = valueContains(valueStart, eol, "chunked");
                } else if (nameIs(line, colon, "connection")) {
                    closeAfter = valueContains(valueStart, eol, "close");
                }
            }
            line = eol + 2;
        }
    }

    private void readChunked() throws IOException {
        // Decode in place: chunk data is moved down to follow the previous chunk's.
        int write = bodyStart;
        int read = bodyStart;
        while (true) {
            int eol;
            while ((eol = indexOfCrlf(read, length)) < 0) {
                fill();
            }
            int size = 0;
            for (int i = read; i < eol; i++) {
                int digit = Character.digit(buffer[i], 16);
                if (digit < 0) {
                    break; // chunk extensions
                }
                size = size * 16 + digit;
            }
            read = eol + 2;
            if (size == 0) {
                // Trailers, then the final CRLF.
                while (true) {
                    while ((eol = indexOfCrlf(read, length)) < 0) {
                        fill();
                    }
                    boolean empty = eol == read;
                    read = eol + 2;
                    if (empty) {
                        break;
                    }
                }
                bodyEnd = write;
                return;
            }
            while (length < read + size + 2) {
                fill();
            }
            System.arraycopy(buffer, read, buffer, write, size);
            write += size;
            read += size + 2;
        }
    }

    private void fill() throws IOException {
        int n = readMore();
        if (n < 0) {
            throw new IOException("Connection closed by the server mid-response");
        }
        length += n;
    }

    private int readMore() throws IOException {
        if (length == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        return in.read(buffer, length, buffer.length - length);
    }

    private int indexOfHeaderEnd() {
        for (int i = 3; i < length; i++) {
            if (buffer[i] == '\n' && buffer[i - 1] == '\r' && buffer[i - 2] == '\n' && buffer[i - 3] == '\r') {
                return i - 3;
            }
        }
        return -1;
    }

    private int indexOfCrlf(int from, int to) {
        for (int i = from; i + 1 < Math.min(to, length); i++) {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private int indexOf(byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private boolean nameIs(int start, int end, String lowerName) {
        if (end - start != lowerName.length()) {
            return false;
        }
        for (int i = 0; i < lowerName.length(); i++) {
            if (Character.toLowerCase((char) buffer[start + i]) != lowerName.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean valueContains(int start, int end, String lowerWord) {
        String value = new String(buffer, start, end - start, StandardCharsets.US_ASCII).toLowerCase(java.util.Locale.ROOT);
        return value.contains(lowerWord);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        socket = null;
        in = null;
        out = null;
    }
}
