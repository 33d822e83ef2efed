package dev.breakglass.notifications;

import static dev.breakglass.db.Tables.ACCOUNT;
import static dev.breakglass.db.Tables.ACCOUNT_ACCESS;
import static dev.breakglass.db.Tables.APP_USER;
import static dev.breakglass.db.Tables.NOTIFICATION;
import static dev.breakglass.db.Tables.WORKSPACE_MEMBER;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Notifications and the people who should get them. */
@Repository
class NotificationRepository {

    private final DSLContext db;

    NotificationRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * Writes the notice for each other active Owner of the account, reading "{actor} {what} {account}{ending}";
     * answers who they are.
     */
    List<UUID> notifyOtherOwners(
            UUID workspaceId, UUID accountId, UUID actorId, String kind, String what, String ending) {
        String message = nameOf(actorId) + " " + what + " " + labelOf(accountId) + ending;
        return notifyOwners(workspaceId, accountId, actorId, actorId, kind, message);
    }

    /**
     * Writes one notification for every active Owner of the account except {@code exceptUserId} (the person who
     * acted, or nobody), in one statement; the message is written out by the caller.
     */
    List<UUID> notifyOwners(
            UUID workspaceId, UUID accountId, UUID exceptUserId, UUID actorId, String kind, String message) {
        return db.insertInto(
                        NOTIFICATION,
                        NOTIFICATION.ID,
                        NOTIFICATION.WORKSPACE_ID,
                        NOTIFICATION.RECIPIENT_ID,
                        NOTIFICATION.ACTOR_ID,
                        NOTIFICATION.ACCOUNT_ID,
                        NOTIFICATION.KIND,
                        NOTIFICATION.MESSAGE)
                .select(select(
                                field("gen_random_uuid()", UUID.class),
                                val(workspaceId),
                                ACCOUNT_ACCESS.USER_ID,
                                val(actorId),
                                val(accountId),
                                val(kind),
                                val(fit(message)))
                        .from(AccountOwners.withMembers())
                        .where(AccountOwners.of(workspaceId, accountId, exceptUserId)))
                .returningResult(NOTIFICATION.RECIPIENT_ID)
                .fetch(NOTIFICATION.RECIPIENT_ID);
    }

    void notifyMember(UUID workspaceId, UUID recipientId, UUID actorId, UUID accountId, String kind, String message) {
        db.insertInto(NOTIFICATION)
                .set(NOTIFICATION.ID, UUID.randomUUID())
                .set(NOTIFICATION.WORKSPACE_ID, workspaceId)
                .set(NOTIFICATION.RECIPIENT_ID, recipientId)
                .set(NOTIFICATION.ACTOR_ID, actorId)
                .set(NOTIFICATION.ACCOUNT_ID, accountId)
                .set(NOTIFICATION.KIND, kind)
                .set(NOTIFICATION.MESSAGE, fit(message))
                .execute();
    }

    /** The other active Owners of the accounts this member owns, each once. */
    List<UUID> coOwnersOf(UUID workspaceId, UUID userId) {
        var theirs = ACCOUNT_ACCESS.as("theirs");
        return db.selectDistinct(ACCOUNT_ACCESS.USER_ID)
                .from(AccountOwners.withMembers())
                .where(ACCOUNT_ACCESS.WORKSPACE_ID.eq(workspaceId))
                .and(ACCOUNT_ACCESS.ROLE.eq("OWNER"))
                .and(WORKSPACE_MEMBER.STATUS.eq("ACTIVE"))
                .and(ACCOUNT_ACCESS.USER_ID.ne(userId))
                .and(ACCOUNT_ACCESS.ACCOUNT_ID.in(select(theirs.ACCOUNT_ID)
                        .from(theirs)
                        .where(theirs.WORKSPACE_ID.eq(workspaceId))
                        .and(theirs.USER_ID.eq(userId))
                        .and(theirs.ROLE.eq("OWNER"))))
                .fetch(ACCOUNT_ACCESS.USER_ID);
    }

    /** Which of these people are active members of the workspace, in the order given. */
    List<UUID> activeAmong(UUID workspaceId, List<UUID> userIds) {
        var active = db.select(WORKSPACE_MEMBER.USER_ID)
                .from(WORKSPACE_MEMBER)
                .where(WORKSPACE_MEMBER.WORKSPACE_ID.eq(workspaceId))
                .and(WORKSPACE_MEMBER.USER_ID.in(userIds))
                .and(WORKSPACE_MEMBER.STATUS.eq("ACTIVE"))
                .fetchSet(WORKSPACE_MEMBER.USER_ID);
        return userIds.stream().filter(active::contains).toList();
    }

    /** A member's display name, or "Someone" for nobody. */
    String nameOf(UUID userId) {
        String name = userId == null
                ? null
                : db.select(APP_USER.DISPLAY_NAME)
                        .from(APP_USER)
                        .where(APP_USER.ID.eq(userId))
                        .fetchOne(APP_USER.DISPLAY_NAME);
        return name == null ? "Someone" : name;
    }

    String labelOf(UUID accountId) {
        return db.select(ACCOUNT.LABEL)
                .from(ACCOUNT)
                .where(ACCOUNT.ID.eq(accountId))
                .fetchSingle(ACCOUNT.LABEL);
    }

    int countUnread(UUID workspaceId, UUID recipientId) {
        return db.fetchCount(
                NOTIFICATION,
                NOTIFICATION
                        .WORKSPACE_ID
                        .eq(workspaceId)
                        .and(NOTIFICATION.RECIPIENT_ID.eq(recipientId))
                        .and(NOTIFICATION.READ_AT.isNull()));
    }

    List<Notice> findRecent(UUID workspaceId, UUID recipientId, int limit) {
        return db.select(
                        NOTIFICATION.ID,
                        NOTIFICATION.MESSAGE,
                        NOTIFICATION.ACCOUNT_ID,
                        NOTIFICATION.CREATED_AT,
                        NOTIFICATION.READ_AT)
                .from(NOTIFICATION)
                .where(NOTIFICATION.WORKSPACE_ID.eq(workspaceId))
                .and(NOTIFICATION.RECIPIENT_ID.eq(recipientId))
                .orderBy(NOTIFICATION.CREATED_AT.desc())
                .limit(limit)
                .fetch(r -> new Notice(r.value1(), r.value2(), r.value3(), r.value4(), r.value5() != null));
    }

    void markAllRead(UUID workspaceId, UUID recipientId, OffsetDateTime now) {
        db.update(NOTIFICATION)
                .set(NOTIFICATION.READ_AT, now)
                .where(NOTIFICATION.WORKSPACE_ID.eq(workspaceId))
                .and(NOTIFICATION.RECIPIENT_ID.eq(recipientId))
                .and(NOTIFICATION.READ_AT.isNull())
                .execute();
    }

    /** A message fits its column; the end of a very long one is cut. */
    private static String fit(String message) {
        return message.length() <= 500 ? message : message.substring(0, 499) + "…";
    }
}
