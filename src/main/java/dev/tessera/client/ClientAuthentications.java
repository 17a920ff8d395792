package dev.tessera.client;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The deployed {@link ClientAuthentication} beans by method name: what registration accepts and discovery lists. */
@ApplicationScoped
public class ClientAuthentications {

    @Inject
    Instance<ClientAuthentication> beans;

    private List<ClientAuthentication> given;
    private Map<String, ClientAuthentication> byMethod;

    public ClientAuthentications() {
    }

    /** For tests: a registry of the methods in this list as it is when asked (so they may need the registry themselves). */
    public ClientAuthentications(List<ClientAuthentication> methods) {
        given = methods;
    }

    @PostConstruct
    void index() {
        byMethod = index(beans.stream().toList());
    }

    private static Map<String, ClientAuthentication> index(List<ClientAuthentication> methods) {
        return methods.stream().collect(Collectors.toUnmodifiableMap(ClientAuthentication::method, Function.identity()));
    }

    private Map<String, ClientAuthentication> byMethod() {
        return given != null ? index(given) : byMethod;
    }

    public Optional<ClientAuthentication> find(String method) {
        return method == null ? Optional.empty() : Optional.ofNullable(byMethod().get(method));
    }

    /** Every method name, sorted, as discovery advertises them. */
    public List<String> methods() {
        return byMethod().keySet().stream().sorted().toList();
    }

    /** The methods that authenticate a client (every one but {@code none}), sorted. */
    public List<String> confidentialMethods() {
        return byMethod().values().stream().filter(ClientAuthentication::confidential).map(ClientAuthentication::method).sorted().toList();
    }

    /** Every JWS algorithm any method accepts for its assertions, sorted. */
    public List<String> signingAlgorithms() {
        return byMethod().values().stream().flatMap(m -> m.signingAlgorithms().stream()).distinct().sorted().toList();
    }

    /** What the method of this name keeps of a secret; {@code NONE} for an unknown method. */
    public ClientSecretKind secretOf(String method) {
        return find(method).map(ClientAuthentication::secret).orElse(ClientSecretKind.NONE);
    }
}
