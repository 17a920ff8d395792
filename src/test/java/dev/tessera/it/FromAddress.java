package dev.tessera.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One HTTP/1.1 request sent from a chosen loopback address (a socket bound to, say, 127.0.0.2), so a test can
 * be a trusted reverse proxy in front of the server and the ordinary client behind it on one machine.
 */
final class FromAddress {
    /** @param head the status line and headers, as received */
    record Answer(int status, String head, String body) {
    }

    private FromAddress() {
    }

    static Answer post(String localAddress, String path, Map<String, String> headers, String form) {
        return send(localAddress, "POST", path, headers, form);
    }

    static Answer get(String localAddress, String path, Map<String, String> headers) {
        return send(localAddress, "GET", path, headers, null);
    }

    private static Answer send(String localAddress, String method, String path, Map<String, String> headers, String form) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(System.getProperty("it.http.port", "8080"))), 5_000);
            socket.setSoTimeout(30_000);
            byte[] body = form == null ? new byte[0] : form.getBytes(StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + (form == null ? "" : "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n"));
            headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            int split = response.indexOf("\r\n\r\n");
            return new Answer(status, split < 0 ? response : response.substring(0, split), split < 0 ? "" : response.substring(split + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
