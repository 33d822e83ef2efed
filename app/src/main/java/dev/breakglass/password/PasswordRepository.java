package dev.breakglass.password;

import static dev.breakglass.db.Tables.APP_USER;
import static dev.breakglass.db.Tables.SET_PASSWORD_TOKEN;
import static dev.breakglass.db.Tables.WORKSPACE_MEMBER;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Password hashes and set-password token hashes. */
@Repository
class PasswordRepository {

    private final DSLContext db;

    PasswordRepository(DSLContext db) {
        this.db = db;
    }

    Optional<String> findHash(UUID userId) {
        return db.select(APP_USER.PASSWORD_HASH)
                .from(APP_USER)
                .where(APP_USER.ID.eq(userId))
                .fetchOptional(APP_USER.PASSWORD_HASH);
    }

    /** Whether the user is the Owner and the only member of the workspace: a workspace that is being created. */
    boolean isSoleOwner(UUID workspaceId, UUID userId) {
        return db.fetchCount(WORKSPACE_MEMBER, WORKSPACE_MEMBER.WORKSPACE_ID.eq(workspaceId)) == 1
                && db.fetchExists(
                        WORKSPACE_MEMBER,
                        WORKSPACE_MEMBER
                                .WORKSPACE_ID
                                .eq(workspaceId)
                                .and(WORKSPACE_MEMBER.USER_ID.eq(userId))
                                .and(WORKSPACE_MEMBER.ROLE.eq("OWNER")));
    }

    void updateHash(UUID userId, String hash) {
        db.update(APP_USER)
                .set(APP_USER.PASSWORD_HASH, hash)
                .set(APP_USER.PASSWORD_CHANGED_AT, OffsetDateTime.now())
                .where(APP_USER.ID.eq(userId))
                .execute();
    }

    /** Stores a token's hash, replacing the member's earlier links: only the newest one works. */
    void replaceToken(String tokenHash, UUID workspaceId, UUID userId, UUID createdBy, OffsetDateTime expiresAt) {
        db.deleteFrom(SET_PASSWORD_TOKEN)
                .where(SET_PASSWORD_TOKEN.WORKSPACE_ID.eq(workspaceId))
                .and(SET_PASSWORD_TOKEN.USER_ID.eq(userId))
                .execute();
        db.insertInto(SET_PASSWORD_TOKEN)
                .set(SET_PASSWORD_TOKEN.TOKEN_HASH, tokenHash)
                .set(SET_PASSWORD_TOKEN.WORKSPACE_ID, workspaceId)
                .set(SET_PASSWORD_TOKEN.USER_ID, userId)
                .set(SET_PASSWORD_TOKEN.CREATED_BY, createdBy)
                .set(SET_PASSWORD_TOKEN.EXPIRES_AT, expiresAt)
                .execute();
    }

    /** The member a token belongs to, when it is unused, unexpired, and the member is active. */
    Optional<TokenOwner> findUsableToken(String tokenHash, OffsetDateTime now) {
        return db.select(
                        SET_PASSWORD_TOKEN.WORKSPACE_ID,
                        SET_PASSWORD_TOKEN.USER_ID,
                        APP_USER.EMAIL,
                        APP_USER.DISPLAY_NAME,
                        SET_PASSWORD_TOKEN.CREATED_BY,
                        APP_USER.PASSWORD_HASH.isNotNull())
                .from(SET_PASSWORD_TOKEN)
                .join(APP_USER)
                .on(APP_USER.ID.eq(SET_PASSWORD_TOKEN.USER_ID))
                .join(WORKSPACE_MEMBER)
                .on(WORKSPACE_MEMBER
                        .WORKSPACE_ID
                        .eq(SET_PASSWORD_TOKEN.WORKSPACE_ID)
                        .and(WORKSPACE_MEMBER.USER_ID.eq(SET_PASSWORD_TOKEN.USER_ID)))
                .where(SET_PASSWORD_TOKEN.TOKEN_HASH.eq(tokenHash))
                .and(SET_PASSWORD_TOKEN.USED_AT.isNull())
                .and(SET_PASSWORD_TOKEN.EXPIRES_AT.gt(now))
                .and(WORKSPACE_MEMBER.STATUS.eq("ACTIVE"))
                .fetchOptional(
                        r -> new TokenOwner(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    /** Marks the token used; false when someone else used it first. */
    boolean markUsed(String tokenHash, OffsetDateTime now) {
        return db.update(SET_PASSWORD_TOKEN)
                        .set(SET_PASSWORD_TOKEN.USED_AT, now)
                        .where(SET_PASSWORD_TOKEN.TOKEN_HASH.eq(tokenHash))
                        .and(SET_PASSWORD_TOKEN.USED_AT.isNull())
                        .execute()
                == 1;
    }

    /**
     * @param issuedBy the admin who issued the link; null when the system did
     * @param hasPassword whether the member already has a password, which the link would replace
     */
    record TokenOwner(
            UUID workspaceId, UUID userId, String email, String displayName, UUID issuedBy, boolean hasPassword) {

        /** Whether using the link replaces a password the member had, on an admin's word: a reset. */
        boolean resetsByAdmin() {
            return issuedBy != null && hasPassword && !issuedBy.equals(userId);
        }
    }
}
