package dev.tessera.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.oauth.Secrets;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The canonical form a row's hash covers, and the chain check that names the first broken row. */
class AuditChainTest {
    static final Instant AT = Instant.parse("2026-12-06T13:45:01.234Z");

    static AuditEvent event(String actor, Map<String, String> detail) {
        return new AuditEvent(AT, AuditType.CLIENT_UPDATED, actor, "sub-1", "app", "192.0.2.1", detail);
    }

    static List<AuditRecord> chain(int n) {
        List<AuditRecord> rows = new ArrayList<>();
        String prev = AuditChainHead.GENESIS;
        for (int i = 1; i <= n; i++) {
            AuditRecord row = new AuditRecord(i, event("admin" + i, Map.of()), prev);
            rows.add(row);
            prev = row.hash();
        }
        return rows;
    }

    static ChainVerification check(List<AuditRecord> rows, long headSeq, String headHash) {
        ChainCheck check = new ChainCheck(0, AuditChainHead.GENESIS);
        for (AuditRecord row : rows) {
            if (!check.accept(row)) {
                break;
            }
        }
        return check.finish(0, headSeq, headHash);
    }

    static void set(AuditRecord row, String field, Object value) throws ReflectiveOperationException {
        Field f = AuditRecord.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(row, value);
    }

    @Test
    void canonicalFormIsFixedOrderSortedDetailAndEscaped() {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("z", "last");
        detail.put("a", "quote \" backslash \\ newline \n tab \t bell \u0007 umlaut \u00e4");
        AuditRecord row = new AuditRecord(7, event("admin", detail), AuditChainHead.GENESIS);

        assertThat(AuditCanonical.content(row)).isEqualTo("{\"seq\":7,\"at\":" + AT.toEpochMilli()
                + ",\"type\":\"admin.client.updated\",\"actor\":\"admin\",\"subject\":\"sub-1\",\"client_id\":\"app\","
                + "\"address\":\"192.0.2.1\",\"detail\":{\"a\":\"quote \\\" backslash \\\\ newline \\n tab \\t bell \\u0007 umlaut \u00e4\","
                + "\"z\":\"last\"}}");
        assertThat(row.hash()).isEqualTo(Secrets.sha256Hex(AuditChainHead.GENESIS + "\n" + AuditCanonical.content(row)))
                .matches("[0-9a-f]{64}");
    }

    @Test
    void absentValuesAreNullAndDetailEmptyObject() {
        AuditRecord row = new AuditRecord(1, new AuditEvent(AT, AuditType.KEY_ROTATED, "system", null, null, null, null), "f".repeat(64));
        assertThat(AuditCanonical.content(row)).isEqualTo("{\"seq\":1,\"at\":" + AT.toEpochMilli()
                + ",\"type\":\"key.rotated\",\"actor\":\"system\",\"subject\":null,\"client_id\":null,\"address\":null,\"detail\":{}}");
    }

    @Test
    void eachRowLinksToThePreviousHash() {
        List<AuditRecord> rows = chain(3);
        assertThat(rows.get(0).prevHash()).isEqualTo(AuditChainHead.GENESIS);
        assertThat(rows.get(1).prevHash()).isEqualTo(rows.get(0).hash());
        assertThat(rows.get(2).prevHash()).isEqualTo(rows.get(1).hash());
        ChainVerification ok = check(rows, 3, rows.get(2).hash());
        assertThat(ok.intact()).isTrue();
        assertThat(ok.checked()).isEqualTo(3);
        assertThat(ok.broken()).isNull();
    }

    @Test
    void anEditedRowIsNamed() throws Exception {
        List<AuditRecord> rows = chain(5);
        set(rows.get(2), "actor", "someone-else");
        ChainVerification v = check(rows, 5, rows.get(4).hash());
        assertThat(v.intact()).isFalse();
        assertThat(v.broken().seq()).isEqualTo(3);
        assertThat(v.broken().reason()).contains("content does not match its hash");
        assertThat(v.checked()).isEqualTo(2);
    }

    @Test
    void anEditedRowWithARecomputedHashBreaksTheNextLink() throws Exception {
        List<AuditRecord> rows = chain(5);
        set(rows.get(2), "detail", "{\"forged\":\"yes\"}");
        set(rows.get(2), "hash", AuditCanonical.hash(rows.get(2)));
        ChainVerification v = check(rows, 5, rows.get(4).hash());
        assertThat(v.broken().seq()).isEqualTo(4);
        assertThat(v.broken().reason()).contains("prev_hash is not the hash of row 3");
    }

    @Test
    void aDeletedRowIsNamed() {
        List<AuditRecord> rows = chain(5);
        rows.remove(1);
        ChainVerification v = check(rows, 5, rows.get(3).hash());
        assertThat(v.broken().seq()).isEqualTo(2);
        assertThat(v.broken().reason()).contains("row 2 is missing");
    }

    @Test
    void rowsCutOffTheEndAreNoticedThroughTheHead() {
        List<AuditRecord> rows = chain(5);
        String headHash = rows.get(4).hash();
        ChainVerification v = check(rows.subList(0, 3), 5, headHash);
        assertThat(v.intact()).isFalse();
        assertThat(v.broken().seq()).isEqualTo(4);
        assertThat(v.broken().reason()).contains("head names row 5");
    }

    @Test
    void verificationStartsFromTheAnchorRetentionLeft() {
        List<AuditRecord> rows = chain(5);
        ChainCheck check = new ChainCheck(2, rows.get(1).hash());
        rows.subList(2, 5).forEach(check::accept);
        ChainVerification v = check.finish(2, 5, rows.get(4).hash());
        assertThat(v.intact()).isTrue();
        assertThat(v.checked()).isEqualTo(3);
        ChainCheck wrongAnchor = new ChainCheck(2, AuditChainHead.GENESIS);
        assertThat(wrongAnchor.accept(rows.get(2))).isFalse();
    }

    @Test
    void overlongValuesAreCutToTheirColumns() {
        AuditRecord row = new AuditRecord(1, new AuditEvent(AT, AuditType.LOGIN_FAILED, "a".repeat(300), null, null,
                "b".repeat(100), Map.of()), AuditChainHead.GENESIS);
        assertThat(row.actor()).hasSize(AuditRecord.TEXT);
        assertThat(row.address()).hasSize(AuditRecord.ADDRESS);
    }
}
