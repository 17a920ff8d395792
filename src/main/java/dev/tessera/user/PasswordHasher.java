package dev.tessera.user;

import dev.tessera.config.PasswordSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Password hashing with Argon2id (RFC 9106), the first choice of OWASP's Password Storage Cheat Sheet,
 * at the configured cost (default m=19 MiB, t=2, p=1), a 16-byte random salt and a 32-byte hash, stored
 * as a PHC string so each hash carries its own parameters.
 *
 * <p>Passwords are NFKC-normalised before hashing (NIST SP 800-63B §5.1.1.2: the verifier "SHOULD apply
 * the Normalization Process for Stabilized Strings using either the NFKC or NFKD normalization"), so the
 * same password typed on two keyboards gives the same hash.
 *
 * <p>At most one hash per two processors runs at once, on memory blocks kept between hashes ({@link Argon2Slots}):
 * the work is CPU- and memory-bound, and 19 MiB fresh per hash and per request thread made the garbage collector cost
 * more than the hashes themselves.
 */
@ApplicationScoped
public class PasswordHasher {
    /** RFC 9106 §3.1 recommends 128 bits of salt. */
    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    PasswordSettings settings;

    private volatile String dummyHash;
    private Argon2Slots slots;

    public PasswordHasher() {
    }

    /** For tests and tools outside CDI. */
    public PasswordHasher(PasswordSettings settings) {
        this.settings = settings;
        init();
    }

    /** With a given bound, for tests. */
    PasswordHasher(PasswordSettings settings, Argon2Slots slots) {
        this.settings = settings;
        this.slots = slots;
    }

    @PostConstruct
    void init() {
        slots = Argon2Slots.forThisMachine(settings.memoryKib(), settings.parallelism());
    }

    /** A new PHC string for the password with a fresh salt and the configured parameters. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Argon2Phc parameters = new Argon2Phc(Argon2Phc.VERSION, settings.memoryKib(), settings.iterations(),
                settings.parallelism(), salt, new byte[0]);
        return parameters.withHash(derive(password, parameters, HASH_BYTES)).format();
    }

    /**
     * Whether the password matches the stored hash, compared in constant time. A malformed or foreign hash
     * never matches.
     */
    public boolean verify(String password, String encoded) {
        Optional<Argon2Phc> stored = Argon2Phc.parse(encoded);
        if (stored.isEmpty() || password == null) {
            return false;
        }
        byte[] candidate = derive(password, stored.get(), stored.get().hash().length);
        return MessageDigest.isEqual(candidate, stored.get().hash());
    }

    /**
     * Spends the time of one verification against a hash nobody has, for unknown users, so a login for a
     * missing account takes as long as one with a wrong password.
     */
    public void verifyDummy(String password) {
        verify(password == null ? "" : password, dummyHash());
    }

    /**
     * True when the stored hash is weaker than today's settings (lower m, t or p, a shorter salt or hash) or
     * cannot be read, so the login re-hashes it while it has the clear password.
     */
    public boolean needsRehash(String encoded) {
        return Argon2Phc.parse(encoded).map(p -> p.memoryKib() < settings.memoryKib()
                || p.iterations() < settings.iterations()
                || p.parallelism() < settings.parallelism()
                || p.salt().length < SALT_BYTES
                || p.hash().length < HASH_BYTES).orElse(true);
    }

    private String dummyHash() {
        String dummy = dummyHash;
        if (dummy == null) {
            byte[] random = new byte[24];
            RANDOM.nextBytes(random);
            dummy = hash(Base64.getEncoder().encodeToString(random));
            dummyHash = dummy;
        }
        return dummy;
    }

    private byte[] derive(String password, Argon2Phc p, int length) {
        return slots.run(() -> deriveInSlot(password, p, length));
    }

    private byte[] deriveInSlot(String password, Argon2Phc p, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(p.memoryKib())
                .withIterations(p.iterations())
                .withParallelism(p.parallelism())
                .withSalt(p.salt())
                .withBlockPool(slots.pool())
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] input = Normalizer.normalize(password, Normalizer.Form.NFKC).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[length];
        try {
            generator.generateBytes(input, out);
        } finally {
            Arrays.fill(input, (byte) 0);
        }
        return out;
    }
}
