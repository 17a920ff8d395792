package dev.tessera.oauth;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An application/x-www-form-urlencoded body, parsed strictly. RFC 6749 §3.1 and §3.2: "Request and
 * response parameters MUST NOT be included more than once", so a repeated parameter is
 * {@code invalid_request} unless the specification of that parameter allows repeats (RFC 8707
 * {@code resource}, RFC 8693 {@code audience}). Malformed percent-encoding or invalid UTF-8 is also
 * {@code invalid_request}, never a 500. So is U+0000 anywhere: RFC 6749 Appendix A leaves it out of every
 * parameter's syntax, and PostgreSQL could not store a value carrying it (a {@code state} kept with a pending
 * request, say). Parameters sent without a value are treated as omitted (RFC 6749 §3.1).
 */
public final class FormParameters {
    private final Map<String, List<String>> values;

    private FormParameters(Map<String, List<String>> values) {
        this.values = values;
    }

    /**
     * The body of a POST to a protocol endpoint. RFC 6749 §3.2 (and RFC 7009 §2.1, RFC 7662 §2.1): the
     * request uses "application/x-www-form-urlencoded"; anything else is {@code invalid_request}.
     */
    public static FormParameters fromPost(String contentType, String body, Set<String> repeatable) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "The body must be application/x-www-form-urlencoded");
        }
        return parse(body, repeatable);
    }

    /**
     * Keeps every value of every parameter without judging repeats, for the authorization endpoint: it
     * must know client_id and redirect_uri before it may report a repeated parameter to the client.
     */
    public static FormParameters parseAll(String body) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (body != null && !body.isEmpty()) {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (!pair.isEmpty() && !value.isEmpty()) {
                    values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
                }
            }
        }
        return new FormParameters(values);
    }

    /** Names given more than once, other than the {@code repeatable} ones. */
    public Set<String> repeated(Set<String> repeatable) {
        Set<String> repeated = new TreeSet<>();
        values.forEach((name, list) -> {
            if (list.size() > 1 && !repeatable.contains(name)) {
                repeated.add(name);
            }
        });
        return repeated;
    }

    public static FormParameters parse(String body, Set<String> repeatable) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (body != null && !body.isEmpty()) {
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (value.isEmpty()) {
                    continue;
                }
                List<String> list = values.computeIfAbsent(name, n -> new ArrayList<>());
                if (!list.isEmpty() && !repeatable.contains(name)) {
                    throw new OAuthException(OAuthError.INVALID_REQUEST, "Parameter '" + name + "' is repeated");
                }
                list.add(value);
            }
        }
        return new FormParameters(values);
    }

    public Optional<String> get(String name) {
        List<String> list = values.get(name);
        return list == null ? Optional.empty() : Optional.of(list.get(0));
    }

    public String require(String name) {
        return get(name).orElseThrow(() -> new OAuthException(OAuthError.INVALID_REQUEST, "Missing parameter '" + name + "'"));
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Set<String> names() {
        return Collections.unmodifiableSet(values.keySet());
    }

    /** Decodes one form-url-encoded component (used for HTTP Basic credentials, RFC 6749 §2.3.1). */
    public static String decodeComponent(String s) {
        return decode(s);
    }

    /** Percent-decoding with '+' as space (WHATWG urlencoded), strict about bad escapes, UTF-8 and U+0000. */
    static String decode(String s) {
        String decoded = percentDecode(s);
        if (decoded.indexOf('\0') >= 0) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "No parameter may contain the character U+0000");
        }
        return decoded;
    }

    private static String percentDecode(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0 && s.chars().allMatch(c -> c <= 0x7F)) {
            return s;
        }
        byte[] out = new byte[s.length()];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                out[n++] = ' ';
            } else if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw malformed();
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw malformed();
                }
                out[n++] = (byte) (hi * 16 + lo);
                i += 2;
            } else if (c > 0x7F) {
                throw malformed();
            } else {
                out[n++] = (byte) c;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out, 0, n)).toString();
        } catch (CharacterCodingException e) {
            throw malformed();
        }
    }

    private static OAuthException malformed() {
        return new OAuthException(OAuthError.INVALID_REQUEST, "The form body is not valid application/x-www-form-urlencoded UTF-8");
    }
}
