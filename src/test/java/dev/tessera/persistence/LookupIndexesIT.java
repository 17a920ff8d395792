package dev.tessera.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 7, point 4: "every lookup uses an indexed hash column". Each row below is a lookup the code
 * makes (an {@code em.find}, a JPQL query's WHERE clause, or the reaper's expiry scan), written as the
 * SQL it becomes, against the schema the changelog creates on PostgreSQL. With sequential scans
 * priced out ({@code enable_seqscan = off}) the planner still reads the whole table (a "Seq Scan", or
 * a whole index with a Filter) when no index can serve the condition: a lookup with no "Index Cond" reads
 * every row, with a million
 * refresh tokens, a logout that scans them all. The indexes are created by the same changeSets on H2
 * and MariaDB.
 *
 * <p>The one lookup left out on purpose is the admin user search ({@code LIKE '%text%'} on the
 * username or e-mail), which no B-tree index can serve and which pages its results.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LookupIndexesIT {
    private TestDatabase db;
    private Connection connection;

    @BeforeAll
    void migrate() throws Exception {
        db = TestDatabase.postgresql();
        connection = db.connect();
        SchemaMigrations.apply(connection);
        try (Statement s = connection.createStatement()) {
            s.execute("SET enable_seqscan = off");
        }
    }

    @AfterAll
    void drop() throws Exception {
        if (connection != null) {
            connection.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Primary keys: em.find of each entity.
        "SELECT * FROM refresh_token WHERE token_hash = 'h'",
        "SELECT * FROM authorization_code WHERE code_hash = 'h'",
        "SELECT * FROM device_code WHERE device_code_hash = 'h'",
        "SELECT * FROM sso_session WHERE id_hash = 'h'",
        "SELECT * FROM pending_authorization WHERE id_hash = 'h'",
        "SELECT * FROM opaque_token WHERE token_hash = 'h'",
        "SELECT * FROM revoked_token WHERE jti = 'j'",
        "SELECT * FROM login_failure WHERE key_hash = 'h'",
        "SELECT * FROM replay_entry WHERE key_hash = 'h'",
        "SELECT * FROM consent WHERE subject = 's' AND client_id = 'c'",
        "SELECT * FROM client WHERE client_id = 'c'",
        "SELECT * FROM initial_access_token WHERE id = 'i'",
        "SELECT * FROM trusted_issuer WHERE id = 'i'",
        "SELECT * FROM user_account WHERE subject = 's'",
        // JPQL lookups (RefreshTokens, AuthorizationCodes, DeviceCodes, SsoSessions, Consents, Clients, ...).
        "UPDATE refresh_token SET consumed_at = 1 WHERE token_hash = 'h' AND consumed_at IS NULL",
        "SELECT * FROM refresh_token WHERE family_id = 'f'",
        "DELETE FROM refresh_token WHERE family_id = 'f'",
        "SELECT DISTINCT family_id FROM refresh_token WHERE subject = 's'",
        "SELECT DISTINCT family_id FROM refresh_token WHERE sid = 's' AND offline = false",
        "UPDATE authorization_code SET consumed_at = 1 WHERE code_hash = 'h' AND consumed_at IS NULL",
        "UPDATE device_code SET redeemed_at = 1 WHERE device_code_hash = 'h' AND redeemed_at IS NULL",
        "SELECT * FROM device_code WHERE user_code_hash = 'h'",
        "SELECT * FROM device_code WHERE flow_hash = 'h'",
        "SELECT * FROM sso_session WHERE sid = 's'",
        "DELETE FROM sso_session WHERE subject = 's'",
        "DELETE FROM consent WHERE subject = 's'",
        "DELETE FROM opaque_token WHERE token_hash = 'h'",
        "DELETE FROM login_failure WHERE key_hash = 'h'",
        "DELETE FROM initial_access_token WHERE id = 'i'",
        "SELECT * FROM client WHERE registration_token_hash = 'h'",
        "SELECT * FROM trusted_issuer WHERE issuer = 'i'",
        "SELECT * FROM user_account WHERE username_normalized = 'n'",
        "SELECT * FROM signing_key WHERE alg = 'RS256'",
    })
    void lookupIsServedByAnIndex(String sql) throws SQLException {
        assertIndexed(sql);
    }

    /** StorageReaper: the expired rows of every table it empties, found through the expiry column's index. */
    @ParameterizedTest
    @ValueSource(strings = {"refresh_token.expires_at", "authorization_code.expires_at", "device_code.purge_at",
        "sso_session.expires_at", "pending_authorization.expires_at", "opaque_token.expires_at", "revoked_token.expires_at",
        "login_failure.expires_at", "replay_entry.expires_at", "initial_access_token.expires_at", "webauthn_challenge.expires_at"})
    void reaperFindsExpiredRowsThroughAnIndex(String column) throws SQLException {
        String[] tableAndColumn = column.split("\\.");
        String sql = "SELECT * FROM " + tableAndColumn[0] + " WHERE " + tableAndColumn[1] + " < 1 LIMIT 500";
        assertIndexed(sql);
    }

    /**
     * No sequential scan, and an index condition: with sequential scans priced out, a condition no index
     * serves shows up as a whole index read with a Filter instead, which is as bad.
     */
    private void assertIndexed(String sql) throws SQLException {
        List<String> plan = plan(sql);
        assertThat(plan).as("plan of %s", sql).noneMatch(line -> line.contains("Seq Scan"))
                .anyMatch(line -> line.contains("Index Cond:"));
    }

    private List<String> plan(String sql) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("EXPLAIN " + sql)) {
            while (r.next()) {
                lines.add(r.getString(1));
            }
        }
        return lines;
    }
}
