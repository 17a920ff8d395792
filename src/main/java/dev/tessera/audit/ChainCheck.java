package dev.tessera.audit;

/**
 * Walks the chain row by row in sequence order and remembers the first break: a missing row, a row whose
 * {@code prev_hash} is not its predecessor's hash, or a row whose content no longer matches its hash. Starts
 * from the anchor (the last row retention deleted, or the genesis), and at the end compares with the head, so
 * rows cut off the end are noticed too.
 */
final class ChainCheck {
    private long expectedSeq;
    private String prevHash;
    private long checked;
    private ChainVerification.Break broken;

    ChainCheck(long anchorSeq, String anchorHash) {
        this.expectedSeq = anchorSeq + 1;
        this.prevHash = anchorHash;
    }

    /** Checks the next row; false once the chain is broken (later rows are not looked at). */
    boolean accept(AuditRecord row) {
        if (broken != null) {
            return false;
        }
        if (row.seq() != expectedSeq) {
            return fail(expectedSeq, "row " + expectedSeq + " is missing (the next row is " + row.seq() + ")");
        }
        if (!row.prevHash().equals(prevHash)) {
            return fail(row.seq(), "its prev_hash is not the hash of row " + (row.seq() - 1));
        }
        if (!AuditCanonical.hash(row).equals(row.hash())) {
            return fail(row.seq(), "its content does not match its hash");
        }
        checked++;
        expectedSeq++;
        prevHash = row.hash();
        return true;
    }

    /** The first break found so far, or null. */
    ChainVerification.Break broken() {
        return broken;
    }

    /** The verdict once every row was accepted, given the head's last row. */
    ChainVerification finish(long anchorSeq, long lastSeq, String lastHash) {
        if (broken == null && (expectedSeq - 1 != lastSeq || !prevHash.equals(lastHash))) {
            fail(expectedSeq, "the chain ends at row " + (expectedSeq - 1) + " but its head names row " + lastSeq);
        }
        return new ChainVerification(broken == null, checked, anchorSeq, lastSeq, broken);
    }

    private boolean fail(long seq, String reason) {
        broken = new ChainVerification.Break(seq, reason);
        return false;
    }
}
