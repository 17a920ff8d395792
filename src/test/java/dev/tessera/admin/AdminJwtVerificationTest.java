package dev.tessera.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AdminJwtVerificationTest {
    private final AdminJwtVerification source = new AdminJwtVerification();

    @Test
    void theIssuerIsTheAcceptedIssuerAndAudience() {
        AdminJwtVerification.issuer("https://sso.example.com");
        assertThat(source.getValue("mp.jwt.verify.issuer")).isEqualTo("https://sso.example.com");
        assertThat(source.getValue("mp.jwt.verify.audiences")).isEqualTo("https://sso.example.com");
        assertThat(source.getValue("tessera.issuer")).as("only MP-JWT's keys").isNull();
        assertThat(source.getOrdinal()).isGreaterThan(400);
    }

    @Test
    void publishedKeysAreWhatTheKeyLocationHoldsAndChangeWithThem() throws Exception {
        Path file = Path.of(URI.create(source.getValue("mp.jwt.verify.publickey.location")));
        AdminJwtVerification.publish("{\"keys\":[{\"kid\":\"a\"}]}");
        assertThat(Files.readString(file)).isEqualTo("{\"keys\":[{\"kid\":\"a\"}]}");
        AdminJwtVerification.publish("{\"keys\":[{\"kid\":\"b\"}]}");
        assertThat(Files.readString(file)).isEqualTo("{\"keys\":[{\"kid\":\"b\"}]}");
        assertThat(source.getProperties()).containsKeys("mp.jwt.verify.publickey.location", "mp.jwt.verify.issuer");
    }
}
