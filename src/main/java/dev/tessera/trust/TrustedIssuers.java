package dev.tessera.trust;

import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.oauth.Secrets;
import dev.tessera.persistence.ColumnFit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Creating, changing, finding and removing trusted issuers; each change is one transaction. */
@ApplicationScoped
public class TrustedIssuers {

    @Inject
    TrustedIssuerRepository repository;

    @Inject
    Clock clock;

    @Transactional
    public TrustedIssuer create(String requestedId, TrustedIssuerSettings settings) {
        String id = requestedId != null ? requestedId : Secrets.random(12);
        if (!id.matches("[A-Za-z0-9._~-]{1,64}")) {
            throw TrustedIssuerSettings.invalid("id must be 1 to 64 characters of A-Z a-z 0-9 . _ ~ -");
        }
        if (repository.find(id).isPresent()) {
            throw new OAuthException(OAuthError.CONFLICT, "A trusted issuer with id " + id + " exists");
        }
        checkIssuerFree(settings.issuer(), id);
        TrustedIssuer issuer = new TrustedIssuer(id, clock.instant());
        settings.applyTo(issuer);
        requireFit(issuer);
        repository.persist(issuer);
        return issuer;
    }

    @Transactional
    public TrustedIssuer update(String id, TrustedIssuerSettings settings) {
        TrustedIssuer issuer = existing(id);
        checkIssuerFree(settings.issuer(), id);
        settings.applyTo(issuer);
        requireFit(issuer);
        issuer.touched(clock.instant());
        return issuer;
    }

    @Transactional
    public void delete(String id) {
        existing(id);
        repository.remove(id);
    }

    public Optional<TrustedIssuer> find(String id) {
        return repository.find(id);
    }

    /** The enabled issuer whose identifier is exactly {@code iss}. */
    public Optional<TrustedIssuer> trusted(String iss) {
        return iss == null || iss.length() > 500 ? Optional.empty() : repository.findByIssuer(iss).filter(TrustedIssuer::enabled);
    }

    public List<TrustedIssuer> list(int offset, int limit) {
        return repository.list(offset, limit);
    }

    private void checkIssuerFree(String issuer, String id) {
        repository.findByIssuer(issuer).filter(other -> !other.id().equals(id)).ifPresent(other -> {
            throw new OAuthException(OAuthError.CONFLICT, "The issuer " + issuer + " is already trusted as " + other.id());
        });
    }

    private TrustedIssuer existing(String id) {
        return repository.find(id).orElseThrow(() -> new OAuthException(OAuthError.NOT_FOUND, "No trusted issuer " + id));
    }

    /** Issue 18 point 1: what the columns cannot hold is the request's fault, named, never a failed write and a 500. */
    private static void requireFit(TrustedIssuer issuer) {
        List<String> unfit = ColumnFit.violations(issuer);
        if (!unfit.isEmpty()) {
            throw TrustedIssuerSettings.invalid(String.join("; ", unfit));
        }
    }
}
