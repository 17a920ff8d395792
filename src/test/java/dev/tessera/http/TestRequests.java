package dev.tessera.http;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A servlet request with a given peer, headers, cookies and attributes: only what the request context reads. */
final class TestRequests {
    private TestRequests() {
    }

    static HttpServletRequest request(String peer, Map<String, List<String>> headers, Cookie[] cookies, Map<String, Object> attributes,
            boolean secure) {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        headers.forEach((k, v) -> byName.put(k.toLowerCase(), v));
        Map<String, Object> kept = new HashMap<>(attributes);
        return (HttpServletRequest) Proxy.newProxyInstance(TestRequests.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> peer;
                    case "getHeaders" -> Collections.enumeration(byName.getOrDefault(((String) args[0]).toLowerCase(), List.of()));
                    case "getHeader" -> byName.getOrDefault(((String) args[0]).toLowerCase(), List.of()).stream().findFirst().orElse(null);
                    case "getCookies" -> cookies;
                    case "getAttribute" -> kept.get((String) args[0]);
                    case "setAttribute" -> kept.put((String) args[0], args[1]);
                    case "isSecure" -> secure;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
