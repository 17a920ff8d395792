package dev.tessera.audit;

/**
 * The verdict on the chain.
 *
 * @param intact    every row from the anchor to the head is present, linked and unchanged
 * @param checked   rows found intact before the first break (all of them when intact)
 * @param anchorSeq the last row retention removed (0: none), where verification starts
 * @param headSeq   the last row the head names
 * @param broken    the first break, or null
 */
public record ChainVerification(boolean intact, long checked, long anchorSeq, long headSeq, Break broken) {

    /** The first row that breaks the chain and why. */
    public record Break(long seq, String reason) {
    }
}
