package dev.tessera.admin;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The servlet and Jakarta Security objects a guard sees, reduced to what it may use, recording what it does. */
final class GuardFakes {
    private GuardFakes() {
    }

    /** A request as the container hands it over: JAX-RS is mapped to /*, so the path is all path info. */
    static HttpServletRequest request(String pathInfo) {
        return request("", pathInfo, null);
    }

    static HttpServletRequest request(String servletPath, String pathInfo, String authorization) {
        return (HttpServletRequest) Proxy.newProxyInstance(GuardFakes.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getServletPath" -> servletPath;
                    case "getPathInfo" -> pathInfo;
                    case "getHeader" -> "Authorization".equalsIgnoreCase((String) args[0]) ? authorization : null;
                    case "toString" -> "request " + servletPath + pathInfo;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** What a guard wrote: status, headers and body. */
    static final class Response {
        final Map<String, String> headers = new LinkedHashMap<>();
        final StringWriter body = new StringWriter();
        int status = 200;

        HttpServletResponse servlet() {
            PrintWriter writer = new PrintWriter(body);
            return (HttpServletResponse) Proxy.newProxyInstance(GuardFakes.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "setStatus" -> status = (Integer) args[0];
                            case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                            case "setContentType" -> headers.put("Content-Type", (String) args[0]);
                            case "getWriter" -> {
                                return writer;
                            }
                            case "isCommitted" -> {
                                return false;
                            }
                            case "resetBuffer", "setCharacterEncoding" -> { }
                            default -> throw new UnsupportedOperationException(method.getName());
                        }
                        return null;
                    });
        }

        String body() {
            return body.toString();
        }
    }

    /** What a guard told Jakarta Security: nothing at all, or the caller it recognised. */
    static final class Context {
        final List<String> calls = new ArrayList<>();
        Principal caller;

        HttpMessageContext message() {
            return (HttpMessageContext) Proxy.newProxyInstance(GuardFakes.class.getClassLoader(),
                    new Class<?>[] {HttpMessageContext.class}, (proxy, method, args) -> {
                        calls.add(method.getName());
                        switch (method.getName()) {
                            case "doNothing" -> {
                                return AuthenticationStatus.NOT_DONE;
                            }
                            case "notifyContainerAboutLogin" -> {
                                if (!(args.length == 2 && args[0] instanceof Principal principal)) {
                                    throw new UnsupportedOperationException("notifyContainerAboutLogin without a Principal");
                                }
                                caller = principal;
                                return AuthenticationStatus.SUCCESS;
                            }
                            default -> throw new UnsupportedOperationException(method.getName());
                        }
                    });
        }
    }
}
