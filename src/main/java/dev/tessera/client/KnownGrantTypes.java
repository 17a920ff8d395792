package dev.tessera.client;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.TreeSet;

/** Every grant type some deployed {@link GrantTypeSource} serves. */
@ApplicationScoped
public class KnownGrantTypes {

    @Inject
    Instance<GrantTypeSource> sources;

    private Set<String> known;

    public KnownGrantTypes() {
    }

    /** For tests: exactly these. */
    public KnownGrantTypes(Set<String> known) {
        this.known = Set.copyOf(known);
    }

    @PostConstruct
    void collect() {
        Set<String> all = new TreeSet<>();
        sources.forEach(s -> all.addAll(s.grantTypes()));
        known = Set.copyOf(all);
    }

    public boolean contains(String grantType) {
        return known.contains(grantType);
    }

    public Set<String> all() {
        return known;
    }
}
