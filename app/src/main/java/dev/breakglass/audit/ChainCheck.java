package dev.breakglass.audit;

/**
 * The result of checking a workspace's audit chain, and its head: what an external monitor records and compares.
 *
 * @param eventsChecked how many events the chain holds up to the head (or up to the break)
 * @param firstBrokenSeq the first event whose hash, link or HMAC does not match, or 0 when the chain is intact
 * @param headSeq the last event's sequence number (the workspace's event count), 0 for an empty log
 * @param headMac the last event's HMAC in hex (empty when broken, or when no event is keyed yet)
 * @param keyedSince the first event sealed with an HMAC (earlier ones, from before the keyed chain, are covered by
 *     the unkeyed chain it seals), 0 when none is
 */
public record ChainCheck(long eventsChecked, long firstBrokenSeq, long headSeq, String headMac, long keyedSince) {

    public boolean intact() {
        return firstBrokenSeq == 0;
    }
}
