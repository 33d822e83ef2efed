package dev.breakglass.security;

import static dev.breakglass.db.Tables.ACCOUNT;
import static dev.breakglass.db.Tables.ACCOUNT_ACCESS;
import static dev.breakglass.db.Tables.AUTHENTICATOR_APP;
import static dev.breakglass.db.Tables.BACKUP_CODE_SET;
import static dev.breakglass.db.Tables.RECOVERY_CODE;
import static dev.breakglass.db.Tables.WORKSPACE;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Members' authenticator apps and recovery codes, and the workspace's second-factor policy. */
@Repository
class SecondFactorRepository {

    private final DSLContext db;

    SecondFactorRepository(DSLContext db) {
        this.db = db;
    }

    /** A member's authenticator app, confirmed or still being set up. */
    record StoredApp(UUID enrolmentId, String secretCiphertext, boolean confirmed, Long lastUsedStep) {}

    record StoredRecoveryCode(UUID id, String hash) {}

    Optional<StoredApp> findApp(UUID workspaceId, UUID userId) {
        return db.select(
                        AUTHENTICATOR_APP.ENROLMENT_ID,
                        AUTHENTICATOR_APP.SECRET_CIPHERTEXT,
                        AUTHENTICATOR_APP.CONFIRMED_AT,
                        AUTHENTICATOR_APP.LAST_USED_STEP)
                .from(AUTHENTICATOR_APP)
                .where(AUTHENTICATOR_APP.WORKSPACE_ID.eq(workspaceId))
                .and(AUTHENTICATOR_APP.USER_ID.eq(userId))
                .fetchOptional(row -> new StoredApp(row.value1(), row.value2(), row.value3() != null, row.value4()));
    }

    boolean hasConfirmedApp(UUID workspaceId, UUID userId) {
        return db.fetchExists(
                AUTHENTICATOR_APP,
                AUTHENTICATOR_APP
                        .WORKSPACE_ID
                        .eq(workspaceId)
                        .and(AUTHENTICATOR_APP.USER_ID.eq(userId))
                        .and(AUTHENTICATOR_APP.CONFIRMED_AT.isNotNull()));
    }

    /** Starts a set-up: replaces an unfinished one; a confirmed app stays (the insert does nothing then). */
    boolean savePendingApp(UUID workspaceId, UUID userId, UUID enrolmentId, String secretCiphertext) {
        return db.insertInto(
                                AUTHENTICATOR_APP,
                                AUTHENTICATOR_APP.WORKSPACE_ID,
                                AUTHENTICATOR_APP.USER_ID,
                                AUTHENTICATOR_APP.ENROLMENT_ID,
                                AUTHENTICATOR_APP.SECRET_CIPHERTEXT)
                        .values(workspaceId, userId, enrolmentId, secretCiphertext)
                        .onConflict(AUTHENTICATOR_APP.WORKSPACE_ID, AUTHENTICATOR_APP.USER_ID)
                        .doUpdate()
                        .set(AUTHENTICATOR_APP.ENROLMENT_ID, enrolmentId)
                        .set(AUTHENTICATOR_APP.SECRET_CIPHERTEXT, secretCiphertext)
                        .set(AUTHENTICATOR_APP.CREATED_AT, OffsetDateTime.now())
                        .where(AUTHENTICATOR_APP.CONFIRMED_AT.isNull())
                        .execute()
                == 1;
    }

    /** Finishes the set-up that was shown, with the step of the code that proved it. */
    boolean confirmApp(UUID workspaceId, UUID userId, UUID enrolmentId, long step, Instant now) {
        return db.update(AUTHENTICATOR_APP)
                        .set(AUTHENTICATOR_APP.CONFIRMED_AT, at(now))
                        .set(AUTHENTICATOR_APP.LAST_USED_STEP, step)
                        .where(AUTHENTICATOR_APP.WORKSPACE_ID.eq(workspaceId))
                        .and(AUTHENTICATOR_APP.USER_ID.eq(userId))
                        .and(AUTHENTICATOR_APP.ENROLMENT_ID.eq(enrolmentId))
                        .and(AUTHENTICATOR_APP.CONFIRMED_AT.isNull())
                        .execute()
                == 1;
    }

    /** Records a code's step as used; false when that step (or a later one) was used already: a replay. */
    boolean useStep(UUID workspaceId, UUID userId, long step) {
        return db.update(AUTHENTICATOR_APP)
                        .set(AUTHENTICATOR_APP.LAST_USED_STEP, step)
                        .where(AUTHENTICATOR_APP.WORKSPACE_ID.eq(workspaceId))
                        .and(AUTHENTICATOR_APP.USER_ID.eq(userId))
                        .and(AUTHENTICATOR_APP.CONFIRMED_AT.isNotNull())
                        .and(AUTHENTICATOR_APP.LAST_USED_STEP.isNull().or(AUTHENTICATOR_APP.LAST_USED_STEP.lt(step)))
                        .execute()
                == 1;
    }

    /** Removes the app, confirmed or not; returns whether a confirmed one was removed. */
    boolean deleteApp(UUID workspaceId, UUID userId) {
        return db.deleteFrom(AUTHENTICATOR_APP)
                .where(AUTHENTICATOR_APP.WORKSPACE_ID.eq(workspaceId))
                .and(AUTHENTICATOR_APP.USER_ID.eq(userId))
                .returning(AUTHENTICATOR_APP.CONFIRMED_AT)
                .fetchOptional()
                .map(row -> row.getConfirmedAt() != null)
                .orElse(false);
    }

    void replaceRecoveryCodes(UUID workspaceId, UUID userId, List<String> hashes) {
        deleteRecoveryCodes(workspaceId, userId);
        var insert = db.insertInto(
                RECOVERY_CODE,
                RECOVERY_CODE.ID,
                RECOVERY_CODE.WORKSPACE_ID,
                RECOVERY_CODE.USER_ID,
                RECOVERY_CODE.CODE_HASH);
        for (String hash : hashes) {
            insert = insert.values(UUID.randomUUID(), workspaceId, userId, hash);
        }
        insert.execute();
    }

    int deleteRecoveryCodes(UUID workspaceId, UUID userId) {
        return db.deleteFrom(RECOVERY_CODE)
                .where(RECOVERY_CODE.WORKSPACE_ID.eq(workspaceId))
                .and(RECOVERY_CODE.USER_ID.eq(userId))
                .execute();
    }

    List<StoredRecoveryCode> unusedRecoveryCodes(UUID workspaceId, UUID userId) {
        return db.select(RECOVERY_CODE.ID, RECOVERY_CODE.CODE_HASH)
                .from(RECOVERY_CODE)
                .where(RECOVERY_CODE.WORKSPACE_ID.eq(workspaceId))
                .and(RECOVERY_CODE.USER_ID.eq(userId))
                .and(RECOVERY_CODE.USED_AT.isNull())
                .fetch(row -> new StoredRecoveryCode(row.value1(), row.value2()));
    }

    int countUnusedRecoveryCodes(UUID workspaceId, UUID userId) {
        return db.fetchCount(
                RECOVERY_CODE,
                RECOVERY_CODE
                        .WORKSPACE_ID
                        .eq(workspaceId)
                        .and(RECOVERY_CODE.USER_ID.eq(userId))
                        .and(RECOVERY_CODE.USED_AT.isNull()));
    }

    /** Marks a recovery code used; false when it was used in the meantime. */
    boolean useRecoveryCode(UUID id, Instant now) {
        return db.update(RECOVERY_CODE)
                        .set(RECOVERY_CODE.USED_AT, at(now))
                        .where(RECOVERY_CODE.ID.eq(id))
                        .and(RECOVERY_CODE.USED_AT.isNull())
                        .execute()
                == 1;
    }

    SecondFactorPolicy policy(UUID workspaceId) {
        String policy = db.select(WORKSPACE.SECOND_FACTOR_POLICY)
                .from(WORKSPACE)
                .where(WORKSPACE.ID.eq(workspaceId))
                .fetchOne(WORKSPACE.SECOND_FACTOR_POLICY);
        return policy == null ? SecondFactorPolicy.NOBODY : SecondFactorPolicy.valueOf(policy);
    }

    void setPolicy(UUID workspaceId, SecondFactorPolicy policy) {
        db.update(WORKSPACE)
                .set(WORKSPACE.SECOND_FACTOR_POLICY, policy.name())
                .where(WORKSPACE.ID.eq(workspaceId))
                .execute();
    }

    /** Whether the member is an Owner of an account of the workspace that has saved codes. */
    boolean keepsCodes(UUID workspaceId, UUID userId) {
        return db.fetchExists(db.selectOne()
                .from(ACCOUNT_ACCESS)
                .join(ACCOUNT)
                .on(ACCOUNT.ID.eq(ACCOUNT_ACCESS.ACCOUNT_ID))
                .join(BACKUP_CODE_SET)
                .on(BACKUP_CODE_SET.ACCOUNT_ID.eq(ACCOUNT.ID))
                .where(ACCOUNT_ACCESS.USER_ID.eq(userId))
                .and(ACCOUNT_ACCESS.ROLE.eq(AccountRole.OWNER.name()))
                .and(ACCOUNT.WORKSPACE_ID.eq(workspaceId))
                .and(ACCOUNT.REMOVED_AT.isNull())
                .and(BACKUP_CODE_SET.STATE.eq("ACTIVE")));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
