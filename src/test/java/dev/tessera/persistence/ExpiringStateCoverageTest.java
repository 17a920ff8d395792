package dev.tessera.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.tessera.oauth.OAuthError;
import jakarta.persistence.Entity;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every table of short-lived rows is emptied by someone: each entity with an expiry instant has an
 * {@link ExpiringState} naming it, so the {@link StorageReaper} deletes its dead rows, unless it is listed below with
 * the reason. Without this, a table whose sweep was removed from its write path (WebAuthn challenges, swept before
 * every issue until 2026-12-07) would grow with every login page ever rendered.
 */
class ExpiringStateCoverageTest {
    /** Entities with an expiry that the reaper must not delete, and why. */
    private static final Map<String, String> NOT_REAPED = Map.of(
            "Client", "expiresAt is the client secret's expiry (RFC 7591 client_secret_expires_at), not the row's",
            "SsoSession", "sessions end through session/SessionExpiry, as a logout, so the applications hear of it");

    @Test
    void everyEntityWithAnExpiryIsEmptiedByTheReaper() throws Exception {
        List<Class<?>> classes = mainClasses();
        Set<String> reaped = classes.stream().filter(c -> ExpiringState.class.isAssignableFrom(c) && !c.isInterface()
                && !Modifier.isAbstract(c.getModifiers())).map(ExpiringStateCoverageTest::entityOf).collect(Collectors.toSet());
        List<String> expiring = classes.stream().filter(c -> c.isAnnotationPresent(Entity.class))
                .filter(c -> Arrays.stream(c.getDeclaredFields()).anyMatch(ExpiringStateCoverageTest::isExpiry))
                .map(ExpiringStateCoverageTest::entityName).toList();

        assertThat(expiring).as("entities with an expiry instant").contains("WebAuthnChallenge", "ReplayEntry");
        assertThat(expiring.stream().filter(name -> !NOT_REAPED.containsKey(name)))
                .as("entities with an expiry and no ExpiringState (or reason in NOT_REAPED)").allMatch(reaped::contains);
    }

    private static boolean isExpiry(Field field) {
        return field.getType() == Instant.class && (field.getName().equals("expiresAt") || field.getName().equals("purgeAt"));
    }

    private static String entityName(Class<?> entity) {
        String name = entity.getAnnotation(Entity.class).name();
        return name.isEmpty() ? entity.getSimpleName() : name;
    }

    private static String entityOf(Class<?> state) {
        try {
            return ((ExpiringState) state.getDeclaredConstructor().newInstance()).entity();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot read the entity of " + state, e);
        }
    }

    private static List<Class<?>> mainClasses() throws URISyntaxException {
        Path main = Path.of(OAuthError.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return new ClassFileImporter().importPath(main).stream().filter(c -> c.getPackageName().startsWith("dev.tessera"))
                .map(JavaClass::reflect).collect(Collectors.toList());
    }
}
