package dev.tessera.token;

import dev.tessera.client.GrantTypeSource;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Finds the handler for a grant_type among the deployed {@link GrantHandler} beans. */
@ApplicationScoped
public class GrantHandlers implements GrantTypeSource {

    @Inject
    Instance<GrantHandler> beans;

    private Map<String, GrantHandler> byType;

    @PostConstruct
    void index() {
        byType = beans.stream().collect(Collectors.toUnmodifiableMap(GrantHandler::grantType, Function.identity()));
    }

    public GrantHandler forType(String grantType) {
        GrantHandler handler = byType.get(grantType);
        if (handler == null) {
            throw new OAuthException(OAuthError.UNSUPPORTED_GRANT_TYPE, "grant_type '" + grantType + "' is not supported");
        }
        return handler;
    }

    public Set<String> supported() {
        return byType.keySet();
    }

    @Override
    public Set<String> grantTypes() {
        return supported();
    }
}
