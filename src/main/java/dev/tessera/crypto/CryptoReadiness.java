package dev.tessera.crypto;

import dev.tessera.health.ReadinessContributor;
import dev.tessera.health.ReadinessPart;
import dev.tessera.oauth.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/** Which cryptographic provider and random source serve (native or the JDK's, and why): reported, never a reason to be unready. */
@ApplicationScoped
public class CryptoReadiness implements ReadinessContributor {

    @Override
    public int order() {
        return 40;
    }

    @Override
    public ReadinessPart assess() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("crypto-provider", CryptoProviders.status().describe());
        details.put("crypto-random", Secrets.randomProvider());
        return new ReadinessPart(true, details);
    }
}
