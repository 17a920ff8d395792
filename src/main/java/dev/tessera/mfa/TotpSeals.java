package dev.tessera.mfa;

import dev.tessera.keys.KeyEncryptor;
import dev.tessera.keys.SealedAtRest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** The authenticator apps' secrets, re-encrypted when the key-encryption secret changes (docs/operations.md). */
@ApplicationScoped
class TotpSeals implements SealedAtRest {

    @PersistenceContext(unitName = "tessera")
    EntityManager em;

    @Override
    public String what() {
        return "authenticator secrets";
    }

    @Override
    @Transactional
    public int reseal(KeyEncryptor encryptor) {
        int resealed = 0;
        for (TotpCredential credential : em.createQuery("SELECT t FROM TotpCredential t", TotpCredential.class).getResultList()) {
            Optional<String> under = encryptor.reseal(TotpCredentials.AAD + credential.id(), credential.sealedSecret());
            if (under.isPresent()) {
                credential.resealed(under.get());
                resealed++;
            }
        }
        return resealed;
    }
}
