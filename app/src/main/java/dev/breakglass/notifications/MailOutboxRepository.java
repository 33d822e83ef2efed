package dev.breakglass.notifications;

import static dev.breakglass.db.Tables.ACCOUNT_ACCESS;
import static dev.breakglass.db.Tables.APP_USER;
import static dev.breakglass.db.Tables.MAIL_OUTBOX;
import static dev.breakglass.db.Tables.MAIL_PREFERENCE;
import static dev.breakglass.db.Tables.WORKSPACE_MEMBER;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The e-mail outbox, who gets which e-mail, and the members' e-mail preferences. */
@Repository
class MailOutboxRepository {

    private final DSLContext db;

    MailOutboxRepository(DSLContext db) {
        this.db = db;
    }

    /** The active Owners of an account with their addresses, but {@code exceptUserId}; optionally only those who opted in. */
    List<Recipient> owners(UUID workspaceId, UUID accountId, UUID exceptUserId, boolean optedInOnly) {
        Condition optedIn = optedInOnly
                ? DSL.exists(DSL.selectOne()
                        .from(MAIL_PREFERENCE)
                        .where(MAIL_PREFERENCE.WORKSPACE_ID.eq(workspaceId))
                        .and(MAIL_PREFERENCE.USER_ID.eq(ACCOUNT_ACCESS.USER_ID))
                        .and(MAIL_PREFERENCE.CODE_ACTIVITY))
                : DSL.noCondition();
        return db.select(APP_USER.ID, APP_USER.EMAIL)
                .from(AccountOwners.withMembers())
                .join(APP_USER)
                .on(APP_USER.ID.eq(ACCOUNT_ACCESS.USER_ID))
                .where(AccountOwners.of(workspaceId, accountId, exceptUserId))
                .and(APP_USER.ENABLED)
                .and(optedIn)
                .orderBy(APP_USER.EMAIL)
                .fetch(r -> new Recipient(r.value1(), r.value2()));
    }

    /** One member with their address, if they are an active member of the workspace. */
    List<Recipient> member(UUID workspaceId, UUID userId) {
        return db.select(APP_USER.ID, APP_USER.EMAIL)
                .from(WORKSPACE_MEMBER)
                .join(APP_USER)
                .on(APP_USER.ID.eq(WORKSPACE_MEMBER.USER_ID))
                .where(WORKSPACE_MEMBER.WORKSPACE_ID.eq(workspaceId))
                .and(WORKSPACE_MEMBER.USER_ID.eq(userId))
                .and(WORKSPACE_MEMBER.STATUS.eq("ACTIVE"))
                .and(APP_USER.ENABLED)
                .fetch(r -> new Recipient(r.value1(), r.value2()));
    }

    void enqueue(UUID workspaceId, Recipient to, String kind, String subject, String body, OffsetDateTime now) {
        db.insertInto(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.ID, UUID.randomUUID())
                .set(MAIL_OUTBOX.WORKSPACE_ID, workspaceId)
                .set(MAIL_OUTBOX.RECIPIENT_ID, to.userId())
                .set(MAIL_OUTBOX.KIND, kind)
                .set(MAIL_OUTBOX.TO_ADDRESS, to.email())
                .set(MAIL_OUTBOX.SUBJECT, cut(subject, 300))
                .set(MAIL_OUTBOX.BODY, cut(body, 4000))
                .set(MAIL_OUTBOX.CREATED_AT, now)
                .set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, now)
                .execute();
    }

    /**
     * Claims the e-mails due now, at most {@code limit}, until the transaction ends. Rows another instance is sending
     * are skipped, so each e-mail is sent by one instance.
     */
    List<Outgoing> claimDue(OffsetDateTime now, int limit) {
        return db.select(
                        MAIL_OUTBOX.ID,
                        MAIL_OUTBOX.WORKSPACE_ID,
                        MAIL_OUTBOX.RECIPIENT_ID,
                        MAIL_OUTBOX.KIND,
                        MAIL_OUTBOX.TO_ADDRESS,
                        MAIL_OUTBOX.SUBJECT,
                        MAIL_OUTBOX.BODY,
                        MAIL_OUTBOX.ATTEMPTS)
                .from(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.STATE.eq("PENDING"))
                .and(MAIL_OUTBOX.NEXT_ATTEMPT_AT.le(now))
                .orderBy(MAIL_OUTBOX.NEXT_ATTEMPT_AT)
                .limit(limit)
                .forUpdate()
                .skipLocked()
                .fetch(r -> new Outgoing(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        r.value4(),
                        r.value5(),
                        r.value6(),
                        r.value7(),
                        r.value8()));
    }

    void markSent(UUID id, OffsetDateTime now) {
        db.update(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.STATE, "SENT")
                .set(MAIL_OUTBOX.SENT_AT, now)
                .set(MAIL_OUTBOX.ATTEMPTS, MAIL_OUTBOX.ATTEMPTS.plus(1))
                .where(MAIL_OUTBOX.ID.eq(id))
                .execute();
    }

    /** Records a failed attempt: the e-mail waits until {@code nextAttempt}, or is given up when that is null. */
    void markFailed(UUID id, String error, OffsetDateTime nextAttempt) {
        var update = db.update(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.ATTEMPTS, MAIL_OUTBOX.ATTEMPTS.plus(1))
                .set(MAIL_OUTBOX.LAST_ERROR, cut(error, 500));
        (nextAttempt == null
                        ? update.set(MAIL_OUTBOX.STATE, "FAILED")
                        : update.set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, nextAttempt))
                .where(MAIL_OUTBOX.ID.eq(id))
                .execute();
    }

    boolean codeActivity(UUID workspaceId, UUID userId) {
        return Boolean.TRUE.equals(db.select(MAIL_PREFERENCE.CODE_ACTIVITY)
                .from(MAIL_PREFERENCE)
                .where(MAIL_PREFERENCE.WORKSPACE_ID.eq(workspaceId))
                .and(MAIL_PREFERENCE.USER_ID.eq(userId))
                .fetchOne(MAIL_PREFERENCE.CODE_ACTIVITY));
    }

    void setCodeActivity(UUID workspaceId, UUID userId, boolean on) {
        db.insertInto(MAIL_PREFERENCE)
                .set(MAIL_PREFERENCE.WORKSPACE_ID, workspaceId)
                .set(MAIL_PREFERENCE.USER_ID, userId)
                .set(MAIL_PREFERENCE.CODE_ACTIVITY, on)
                .onConflict(MAIL_PREFERENCE.WORKSPACE_ID, MAIL_PREFERENCE.USER_ID)
                .doUpdate()
                .set(MAIL_PREFERENCE.CODE_ACTIVITY, on)
                .execute();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    record Recipient(UUID userId, String email) {}

    record Outgoing(
            UUID id,
            UUID workspaceId,
            UUID recipientId,
            String kind,
            String to,
            String subject,
            String body,
            int attempts) {}
}
