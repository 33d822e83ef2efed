package dev.breakglass.audit;

import static dev.breakglass.db.Tables.ACCOUNT;
import static dev.breakglass.db.Tables.APP_USER;
import static dev.breakglass.db.Tables.AUDIT_EVENT;
import static dev.breakglass.db.Tables.WORKSPACE_MEMBER;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.when;

import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record9;
import org.jooq.SelectSeekStep1;
import org.springframework.stereotype.Repository;

/** Audit events: appended by the database's chain trigger, read page by page. */
@Repository
class AuditRepository {

    private final DSLContext db;

    AuditRepository(DSLContext db) {
        this.db = db;
    }

    void append(UUID workspaceId, UUID actorId, String action, UUID accountId, String detailsJson) {
        db.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.WORKSPACE_ID, workspaceId)
                .set(AUDIT_EVENT.ACTOR_ID, actorId)
                .set(AUDIT_EVENT.ACTION, action)
                .set(AUDIT_EVENT.ACCOUNT_ID, accountId)
                .set(AUDIT_EVENT.DETAILS, JSONB.valueOf(detailsJson))
                .execute();
    }

    List<AuditEntry> find(UUID workspaceId, AuditFilter filter, int offset, int limit) {
        return query(workspaceId, filter).offset(offset).limit(limit).fetch(AuditRepository::entry);
    }

    int count(UUID workspaceId, AuditFilter filter) {
        return db.fetchCount(
                AUDIT_EVENT, AUDIT_EVENT.WORKSPACE_ID.eq(workspaceId).and(matching(filter)));
    }

    /** Streams every matching event, newest first, without holding them all in memory. */
    void forEach(UUID workspaceId, AuditFilter filter, Consumer<AuditEntry> consumer) {
        try (var cursor = query(workspaceId, filter).fetchSize(500).fetchLazy()) {
            cursor.forEach(row -> consumer.accept(entry(row)));
        }
    }

    /**
     * Recomputes every event's hash with the same function the insert trigger used, and checks each links to
     * the one before it. Answers the first broken event's sequence number, or 0.
     */
    ChainCheck verify(UUID workspaceId) {
        var expected = field(
                "audit_event_digest({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7})",
                byte[].class,
                AUDIT_EVENT.PREV_HASH,
                AUDIT_EVENT.WORKSPACE_ID,
                AUDIT_EVENT.SEQ,
                AUDIT_EVENT.ACTOR_ID,
                AUDIT_EVENT.ACTION,
                AUDIT_EVENT.ACCOUNT_ID,
                AUDIT_EVENT.AT,
                AUDIT_EVENT.DETAILS);
        var previous = field("lag({0}) over (order by {1})", byte[].class, AUDIT_EVENT.HASH, AUDIT_EVENT.SEQ);
        var position = field("row_number() over (order by {0})", Long.class, AUDIT_EVENT.SEQ);
        var rows = db.select(
                        AUDIT_EVENT.SEQ,
                        field(AUDIT_EVENT.HASH.eq(expected)),
                        field("{0} is not distinct from {1}", Boolean.class, AUDIT_EVENT.PREV_HASH, previous),
                        position)
                .from(AUDIT_EVENT)
                .where(AUDIT_EVENT.WORKSPACE_ID.eq(workspaceId))
                .orderBy(AUDIT_EVENT.SEQ)
                .fetch();
        for (var row : rows) {
            boolean hashMatches = Boolean.TRUE.equals(row.value2());
            boolean linked = Boolean.TRUE.equals(row.value3());
            boolean noGap = row.value1() == row.value4();
            if (!hashMatches || !linked || !noGap) {
                return new ChainCheck(rows.size(), row.value4());
            }
        }
        return new ChainCheck(rows.size(), 0);
    }

    List<Choice> people(UUID workspaceId) {
        return db.select(APP_USER.ID, APP_USER.DISPLAY_NAME)
                .from(APP_USER)
                .join(WORKSPACE_MEMBER)
                .on(WORKSPACE_MEMBER.USER_ID.eq(APP_USER.ID))
                .where(WORKSPACE_MEMBER.WORKSPACE_ID.eq(workspaceId))
                .orderBy(APP_USER.DISPLAY_NAME)
                .fetch(r -> new Choice(r.value1(), r.value2()));
    }

    List<Choice> accounts(UUID workspaceId) {
        // Removed accounts keep their history, so they stay choosable here, marked.
        return db.select(
                        ACCOUNT.ID,
                        when(ACCOUNT.REMOVED_AT.isNull(), ACCOUNT.LABEL).otherwise(ACCOUNT.LABEL.concat(" (removed)")))
                .from(ACCOUNT)
                .where(ACCOUNT.WORKSPACE_ID.eq(workspaceId))
                .orderBy(ACCOUNT.REMOVED_AT.isNotNull(), ACCOUNT.LABEL)
                .fetch(r -> new Choice(r.value1(), r.value2()));
    }

    List<String> actions(UUID workspaceId) {
        return db.selectDistinct(AUDIT_EVENT.ACTION)
                .from(AUDIT_EVENT)
                .where(AUDIT_EVENT.WORKSPACE_ID.eq(workspaceId))
                .fetch(AUDIT_EVENT.ACTION);
    }

    private SelectSeekStep1<
                    Record9<Long, java.time.OffsetDateTime, UUID, String, String, UUID, String, JSONB, String>, Long>
            query(UUID workspaceId, AuditFilter filter) {
        // The member an event is about (added, removed, who asked for a code...), named for the sentence.
        var subject = APP_USER.as("subject");
        var subjectId = field(
                "coalesce({0} ->> 'member', {0} ->> 'requester', {0} ->> 'owner', {0} ->> 'recipient')::uuid",
                UUID.class, AUDIT_EVENT.DETAILS);
        return db.select(
                        AUDIT_EVENT.SEQ,
                        AUDIT_EVENT.AT,
                        AUDIT_EVENT.ACTOR_ID,
                        APP_USER.DISPLAY_NAME,
                        AUDIT_EVENT.ACTION,
                        AUDIT_EVENT.ACCOUNT_ID,
                        ACCOUNT.LABEL,
                        AUDIT_EVENT.DETAILS,
                        subject.DISPLAY_NAME)
                .from(AUDIT_EVENT)
                .leftJoin(APP_USER)
                .on(APP_USER.ID.eq(AUDIT_EVENT.ACTOR_ID))
                .leftJoin(subject)
                .on(subject.ID.eq(subjectId))
                .leftJoin(ACCOUNT)
                .on(ACCOUNT.ID.eq(AUDIT_EVENT.ACCOUNT_ID))
                .where(AUDIT_EVENT.WORKSPACE_ID.eq(workspaceId))
                .and(matching(filter))
                .orderBy(AUDIT_EVENT.SEQ.desc());
    }

    private static Condition matching(AuditFilter filter) {
        Condition condition = noCondition();
        if (filter.actorId() != null) {
            condition = condition.and(AUDIT_EVENT.ACTOR_ID.eq(filter.actorId()));
        }
        if (filter.action() != null) {
            condition = condition.and(AUDIT_EVENT.ACTION.eq(filter.action()));
        }
        if (filter.accountId() != null) {
            condition = condition.and(AUDIT_EVENT.ACCOUNT_ID.eq(filter.accountId()));
        }
        if (filter.from() != null) {
            condition =
                    condition.and(AUDIT_EVENT.AT.ge(filter.from().atStartOfDay().atOffset(ZoneOffset.UTC)));
        }
        if (filter.to() != null) {
            condition = condition.and(
                    AUDIT_EVENT.AT.lt(filter.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC)));
        }
        return condition;
    }

    private static AuditEntry entry(
            Record9<Long, java.time.OffsetDateTime, UUID, String, String, UUID, String, JSONB, String> r) {
        return new AuditEntry(
                r.value1(),
                r.value2(),
                r.value3(),
                r.value4(),
                r.value5(),
                r.value6(),
                r.value7(),
                r.value8() == null ? "{}" : r.value8().data(),
                r.value9());
    }
}
