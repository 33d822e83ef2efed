package dev.breakglass.audit;

import static dev.breakglass.db.Tables.AUDIT_EVENT;
import static dev.breakglass.db.Tables.AUDIT_EVENT_MAC;
import static org.jooq.impl.DSL.field;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The keyed audit chain: seals every new event with an HMAC chained to the previous one, and checks the whole chain
 * in Java (the unkeyed hashes recomputed from the events' fields, their links, no gaps, and the HMACs), without
 * trusting any function in the database. A check remembers where it ended (in this instance's memory, out of the
 * database's reach), so the Audit log page checks only what came since; the full check reads every event.
 */
@Component
class AuditChain {

    private static final DateTimeFormatter DIGEST_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");
    private static final HexFormat HEX = HexFormat.of();

    private final DSLContext db;
    private final AuditChainKey key;
    private final Map<UUID, Checkpoint> checkpoints = new ConcurrentHashMap<>();

    AuditChain(DSLContext db, AuditChainKey key) {
        this.db = db;
        this.key = key;
    }

    /** Seals a just-inserted event, in its transaction: the insert trigger's lock keeps the workspace's turn. */
    void seal(UUID workspaceId, long seq, byte[] hash) {
        byte[] previous = seq == 1
                ? null
                : db.select(AUDIT_EVENT_MAC.MAC)
                        .from(AUDIT_EVENT_MAC)
                        .where(AUDIT_EVENT_MAC.WORKSPACE_ID.eq(workspaceId))
                        .and(AUDIT_EVENT_MAC.SEQ.eq(seq - 1))
                        .fetchOne(AUDIT_EVENT_MAC.MAC);
        byte[] mac = key.mac(previous == null ? key.start(workspaceId, seq) : previous, hash);
        db.insertInto(AUDIT_EVENT_MAC)
                .set(AUDIT_EVENT_MAC.WORKSPACE_ID, workspaceId)
                .set(AUDIT_EVENT_MAC.SEQ, seq)
                .set(AUDIT_EVENT_MAC.MAC, mac)
                .execute();
    }

    /** Checks what came since the last check of this instance (everything, the first time). */
    @Transactional(readOnly = true)
    ChainCheck checkSinceLast(UUID workspaceId) {
        Checkpoint checkpoint = checkpoints.get(workspaceId);
        if (checkpoint != null && !checkpoint.stillThere(db, workspaceId)) {
            checkpoint = null;
        }
        return check(workspaceId, checkpoint);
    }

    /** Checks every event of the workspace from its first. */
    @Transactional(readOnly = true)
    ChainCheck checkAll(UUID workspaceId) {
        return check(workspaceId, null);
    }

    private ChainCheck check(UUID workspaceId, Checkpoint from) {
        long afterSeq = from == null ? 0 : from.seq();
        byte[] previousHash = from == null ? null : from.hash();
        byte[] previousMac = from == null ? null : from.mac();
        long keyedSince = from == null ? 0 : from.keyedSince();
        long expectedSeq = afterSeq + 1;
        long broken = 0;
        var details = field("{0}::text", String.class, AUDIT_EVENT.DETAILS);
        try (var rows = db.select(
                        AUDIT_EVENT.SEQ,
                        AUDIT_EVENT.ACTOR_ID,
                        AUDIT_EVENT.ACTION,
                        AUDIT_EVENT.ACCOUNT_ID,
                        AUDIT_EVENT.AT,
                        details,
                        AUDIT_EVENT.PREV_HASH,
                        AUDIT_EVENT.HASH,
                        AUDIT_EVENT_MAC.MAC)
                .from(AUDIT_EVENT)
                .leftJoin(AUDIT_EVENT_MAC)
                .on(AUDIT_EVENT_MAC.WORKSPACE_ID.eq(AUDIT_EVENT.WORKSPACE_ID))
                .and(AUDIT_EVENT_MAC.SEQ.eq(AUDIT_EVENT.SEQ))
                .where(AUDIT_EVENT.WORKSPACE_ID.eq(workspaceId))
                .and(AUDIT_EVENT.SEQ.gt(afterSeq))
                .orderBy(AUDIT_EVENT.SEQ)
                .fetchSize(1000)
                .fetchLazy()) {
            for (var row : rows) {
                long seq = row.value1();
                byte[] hash = row.value8();
                byte[] mac = row.value9();
                boolean ok = seq == expectedSeq
                        && Arrays.equals(row.value7(), previousHash)
                        && Arrays.equals(
                                hash,
                                digest(
                                        previousHash,
                                        workspaceId,
                                        seq,
                                        row.value2(),
                                        row.value3(),
                                        row.value4(),
                                        row.value5(),
                                        row.value6()));
                if (ok && mac == null) {
                    // Before the keyed chain began (events of an older version) the unkeyed chain is all there is.
                    ok = keyedSince == 0;
                } else if (ok) {
                    byte[] chainedTo = keyedSince == 0 ? key.start(workspaceId, seq) : previousMac;
                    ok = MessageDigest.isEqual(mac, key.mac(chainedTo, hash));
                    keyedSince = keyedSince == 0 ? seq : keyedSince;
                }
                if (!ok) {
                    broken = expectedSeq;
                    break;
                }
                previousHash = hash;
                previousMac = mac;
                expectedSeq = seq + 1;
            }
        }
        long headSeq = expectedSeq - 1;
        if (broken != 0) {
            checkpoints.remove(workspaceId);
            return new ChainCheck(headSeq, broken, headSeq, "", keyedSince);
        }
        if (headSeq > 0) {
            checkpoints.put(workspaceId, new Checkpoint(headSeq, previousHash, previousMac, keyedSince));
        }
        return new ChainCheck(headSeq, 0, headSeq, previousMac == null ? "" : HEX.formatHex(previousMac), keyedSince);
    }

    /** The same digest as the database's audit_event_digest, computed here so that replacing that function shows. */
    static byte[] digest(
            byte[] previousHash,
            UUID workspaceId,
            long seq,
            UUID actorId,
            String action,
            UUID accountId,
            java.time.OffsetDateTime at,
            String details) {
        String text = String.join(
                "|",
                workspaceId.toString(),
                Long.toString(seq),
                actorId == null ? "-" : actorId.toString(),
                action,
                accountId == null ? "-" : accountId.toString(),
                DIGEST_TIME.format(at.withOffsetSameInstant(ZoneOffset.UTC)),
                details);
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            if (previousHash != null) {
                sha256.update(previousHash);
            }
            return sha256.digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Where the last good check of a workspace ended. */
    private record Checkpoint(long seq, byte[] hash, byte[] mac, long keyedSince) {

        /** Whether the checked head is still as it was: a rewritten or removed head means checking again from the start. */
        boolean stillThere(DSLContext db, UUID workspaceId) {
            var row = db.select(AUDIT_EVENT.HASH, AUDIT_EVENT_MAC.MAC)
                    .from(AUDIT_EVENT)
                    .leftJoin(AUDIT_EVENT_MAC)
                    .on(AUDIT_EVENT_MAC.WORKSPACE_ID.eq(AUDIT_EVENT.WORKSPACE_ID))
                    .and(AUDIT_EVENT_MAC.SEQ.eq(AUDIT_EVENT.SEQ))
                    .where(AUDIT_EVENT.WORKSPACE_ID.eq(workspaceId))
                    .and(AUDIT_EVENT.SEQ.eq(seq))
                    .fetchOne();
            return row != null && Arrays.equals(row.value1(), hash) && Arrays.equals(row.value2(), mac);
        }
    }
}
