package dev.tessera.persistence;

import dev.tessera.health.ReadinessContributor;
import dev.tessera.health.ReadinessPart;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import javax.sql.DataSource;

/** Readiness of the database: it answers, and the schema is migrated. Without either, nothing can be served. */
@ApplicationScoped
public class DatabaseReadiness implements ReadinessContributor {

    @Resource(lookup = SchemaMigrator.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    SchemaStatus schema;

    @Override
    public int order() {
        return 10;
    }

    @Override
    public ReadinessPart assess() {
        return database().and(schema());
    }

    private ReadinessPart database() {
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(2);
            return ReadinessPart.of(valid, "database", valid ? "reachable" : "not answering");
        } catch (Exception e) {
            return ReadinessPart.of(false, "database", "unreachable: " + e.getMessage());
        }
    }

    private ReadinessPart schema() {
        if (schema.migrated()) {
            return ReadinessPart.of(true, "schema", "migrated");
        }
        return ReadinessPart.of(false, "schema", schema.failure().map(f -> "migration failed: " + f).orElse("not migrated yet"));
    }
}
