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
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record2;
import org.jooq.Record9;
import org.jooq.SelectConditionStep;
import org.jooq.SelectSeekStep1;
import org.springframework.stereotype.Repository;

/** Audit events: appended by the database's chain trigger and sealed by the keyed chain, read page by page. */
@Repository
class AuditRepository {

    private final DSLContext db;
    private final AuditChain chain;

    AuditRepository(DSLContext db, AuditChain chain) {
        this.db = db;
        this.chain = chain;
    }

    void append(UUID workspaceId, UUID actorId, String action, UUID accountId, String detailsJson) {
        var event = db.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.WORKSPACE_ID, workspaceId)
                .set(AUDIT_EVENT.ACTOR_ID, actorId)
                .set(AUDIT_EVENT.ACTION, action)
                .set(AUDIT_EVENT.ACCOUNT_ID, accountId)
                .set(AUDIT_EVENT.DETAILS, JSONB.valueOf(detailsJson))
                .returningResult(AUDIT_EVENT.SEQ, AUDIT_EVENT.HASH)
                .fetchSingle();
        chain.seal(workspaceId, event.value1(), event.value2());
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

    List<Choice> people(UUID workspaceId) {
        return db.select(APP_USER.ID, APP_USER.DISPLAY_NAME)
                .from(APP_USER)
                .join(WORKSPACE_MEMBER)
                .on(WORKSPACE_MEMBER.USER_ID.eq(APP_USER.ID))
                .where(WORKSPACE_MEMBER.WORKSPACE_ID.eq(workspaceId))
                .orderBy(APP_USER.DISPLAY_NAME)
                .fetch(r -> new Choice(r.value1(), r.value2()));
    }

    List<Choice> accounts(UUID workspaceId, String text, int offset, int limit) {
        return accountChoices(workspaceId)
                .and(text == null || text.isBlank() ? noCondition() : ACCOUNT.LABEL.containsIgnoreCase(text.strip()))
                .orderBy(ACCOUNT.REMOVED_AT.isNotNull(), ACCOUNT.LABEL, ACCOUNT.ID)
                .offset(offset)
                .limit(limit)
                .fetch(r -> new Choice(r.value1(), r.value2()));
    }

    /** The workspace's account with this id as a filter choice (a link may name it), if there is one. */
    Optional<Choice> account(UUID workspaceId, UUID accountId) {
        return accountChoices(workspaceId)
                .and(ACCOUNT.ID.eq(accountId))
                .fetchOptional(r -> new Choice(r.value1(), r.value2()));
    }

    /** Removed accounts keep their history, so they stay choosable, marked. */
    private SelectConditionStep<Record2<UUID, String>> accountChoices(UUID workspaceId) {
        return db.select(
                        ACCOUNT.ID,
                        when(ACCOUNT.REMOVED_AT.isNull(), ACCOUNT.LABEL).otherwise(ACCOUNT.LABEL.concat(" (removed)")))
                .from(ACCOUNT)
                .where(ACCOUNT.WORKSPACE_ID.eq(workspaceId));
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
