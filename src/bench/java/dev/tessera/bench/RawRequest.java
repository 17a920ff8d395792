package dev.tessera.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** HTTP/1.1 requests as the bytes {@link KeepAliveConnection} writes. */
final class RawRequest {
    private RawRequest() {
    }

    static byte[] get(String authority, String pathAndQuery, String cookies) {
        return build("GET", authority, pathAndQuery, cookieHeader(cookies), null);
    }

    /** A form POST; {@code headers} are complete header lines ending in CRLF (or empty). */
    static byte[] postForm(String authority, String path, String headers, String form) {
        return build("POST", authority, path, headers + "Content-Type: application/x-www-form-urlencoded\r\n", form);
    }

    static String basicHeader(String basicCredentials) {
        return "Authorization: Basic " + basicCredentials + "\r\n";
    }

    static String cookieHeader(String cookies) {
        return cookies == null || cookies.isEmpty() ? "" : "Cookie: " + cookies + "\r\n";
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static byte[] build(String method, String authority, String target, String headers, String form) {
        byte[] body = form == null ? new byte[0] : form.getBytes(StandardCharsets.US_ASCII);
        String head = method + " " + target + " HTTP/1.1\r\n"
                + "Host: " + authority + "\r\n"
                + headers
                + (form == null ? "Accept: text/html\r\n" : "Accept: application/json\r\n")
                + (form == null ? "" : "Content-Length: " + body.length + "\r\n")
                + "\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }
}
