package dev.breakglass.audit;

/**
 * The result of checking a workspace's audit chain.
 *
 * @param eventsChecked how many events were checked
 * @param firstBrokenSeq the first event whose hash or link does not match, or 0 when the chain is intact
 */
public record ChainCheck(long eventsChecked, long firstBrokenSeq) {

    public boolean intact() {
        return firstBrokenSeq == 0;
    }
}
