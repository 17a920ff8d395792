package dev.tessera.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The MicroProfile JWT settings of the admin API (MP-JWT 2.1 §9), derived from Tessera's own
 * configuration instead of being written twice: the accepted issuer and audience are Tessera's issuer, and
 * the verification keys are Tessera's published keys. MP-JWT reads keys from a location only, so the JWK
 * Set is kept in a file of this JVM that {@link #publish} rewrites whenever the published keys change; the
 * vendor file {@code payara-mp-jwt.properties} makes the verifier re-read it on every admin request, so a
 * key rotated a moment ago verifies at once. Loaded by MP Config's service loader before CDI starts, hence
 * the static state, set by {@link AdminApiAuthenticationMechanism} on its first request.
 */
public class AdminJwtVerification implements ConfigSource {
    static final String ISSUER = "mp.jwt.verify.issuer";
    static final String AUDIENCES = "mp.jwt.verify.audiences";
    static final String KEY_LOCATION = "mp.jwt.verify.publickey.location";
    /** Above the defaults (100) and the WAR's microprofile-config.properties: these must not be overridden. */
    private static final int ORDINAL = 1000;

    private static volatile String issuer;
    private static volatile String publishedJwks = "";

    /** Created on first use: with MP-JWT switched off nothing asks for it. */
    private static final class KeyFile {
        static final Path PATH = createKeyFile();
    }

    private static Path createKeyFile() {
        try {
            Path file = Files.createTempFile("tessera-admin-jwks-", ".json");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the admin API's key file", e);
        }
    }

    /** The issuer every admin token must carry as {@code iss} and in {@code aud}. */
    static void issuer(String url) {
        issuer = url;
    }

    /**
     * Writes the JWK Set when it differs from the one written last; the file is replaced atomically, so a
     * reader never sees half of it.
     */
    static synchronized void publish(String jwks) {
        if (jwks.equals(publishedJwks)) {
            return;
        }
        try {
            Path next = Files.createTempFile(KeyFile.PATH.getParent(), "tessera-admin-jwks-", ".tmp");
            Files.writeString(next, jwks, StandardCharsets.UTF_8);
            Files.move(next, KeyFile.PATH, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            publishedJwks = jwks;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the admin API's key file " + KeyFile.PATH, e);
        }
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(ISSUER, AUDIENCES, KEY_LOCATION);
    }

    @Override
    public Map<String, String> getProperties() {
        String url = issuer;
        return url == null ? Map.of(KEY_LOCATION, KeyFile.PATH.toUri().toString())
                : Map.of(ISSUER, url, AUDIENCES, url, KEY_LOCATION, KeyFile.PATH.toUri().toString());
    }

    @Override
    public String getValue(String name) {
        return switch (name) {
            case ISSUER, AUDIENCES -> issuer;
            case KEY_LOCATION -> KeyFile.PATH.toUri().toString();
            default -> null;
        };
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }

    @Override
    public String getName() {
        return "tessera-admin-api-mp-jwt";
    }
}
