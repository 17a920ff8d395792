package dev.tessera.client;

import static dev.tessera.oauth.OAuthAssertions.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.oauth.OAuthError;
import dev.tessera.persistence.ColumnFit;
import jakarta.persistence.Column;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 point 1: every text column of a client, at its length and one past it, through the Bean Validation
 * constraint derived from the column ({@code @FitsColumns}), and the count limits.
 */
class ClientColumnLimitsTest {
    private final MetadataFixtures f = new MetadataFixtures();

    @Test
    void everyTextColumnTakesItsLengthAndRefusesOneMoreNamingTheColumn() throws Exception {
        List<Field> fields = ClientColumns.limitedFields();
        assertThat(fields).extracting(Field::getName).contains("clientName", "logoUri", "jwksUri", "grantTypes", "responseTypes")
                .doesNotContain("jwks", "redirectUris", "contacts");
        for (Field field : fields) {
            Column column = field.getAnnotation(Column.class);
            Client client = new Client("limits", ClientAuthMethod.CLIENT_SECRET_BASIC, Instant.EPOCH);
            field.set(client, ClientColumns.valueOf(field, column.length()));
            assertThat(ColumnFit.violations(client)).as(column.name() + " at its length").isEmpty();
            field.set(client, ClientColumns.valueOf(field, column.length() + 1));
            assertThat(ColumnFit.violations(client)).as(column.name() + " one past").singleElement()
                    .satisfies(m -> assertThat(m).startsWith(column.name() + " is longer than the " + column.length() + " characters"));
        }
    }

    @Test
    void countsAreBounded() {
        Client client = new Client("limits", ClientAuthMethod.CLIENT_SECRET_BASIC, Instant.EPOCH);
        client.redirectUris(numbered("https://app.example.com/cb", 21));
        client.contacts(numbered("ops", 11));
        client.allowedScopes(numbered("s", 51));
        assertThat(ColumnFit.violations(client)).containsExactly("contacts may list at most 10 addresses",
                "redirect_uris may list at most 20 URIs", "scope may list at most 50 scopes");
        client.redirectUris(numbered("https://app.example.com/cb", 20));
        client.contacts(numbered("ops", 10));
        client.allowedScopes(numbered("s", 50));
        assertThat(ColumnFit.violations(client)).isEmpty();
    }

    @Test
    void registrationAndTheAdminApiAnswerInvalidClientMetadataNamingTheField() {
        String name201 = "n".repeat(201);
        assertThat(thrown(OAuthError.INVALID_CLIENT_METADATA, () -> f.apply("{\"grant_types\": [\"client_credentials\"],"
                + " \"client_name\": \"" + name201 + "\"}")).description()).startsWith("client_name is longer than the 200 characters");
        f.apply("{\"grant_types\": [\"client_credentials\"], \"client_name\": \"" + "n".repeat(200) + "\"}");
        assertThat(f.client.clientName()).hasSize(200);
    }

    private static Set<String> numbered(String prefix, int count) {
        Set<String> values = new LinkedHashSet<>();
        IntStream.range(0, count).forEach(i -> values.add(prefix + i));
        return values;
    }
}
