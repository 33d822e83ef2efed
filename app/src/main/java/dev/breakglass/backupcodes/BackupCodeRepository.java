package dev.breakglass.backupcodes;

import static dev.breakglass.db.Tables.ACCOUNT;
import static dev.breakglass.db.Tables.APP_USER;
import static dev.breakglass.db.Tables.BACKUP_CODE;
import static dev.breakglass.db.Tables.BACKUP_CODE_SET;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;

import dev.breakglass.crypto.CipherBinding;
import dev.breakglass.crypto.CipherContext;
import dev.breakglass.db.tables.AppUser;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep4;
import org.springframework.stereotype.Repository;

/** Code sets and their ciphertexts. Ciphertexts never leave this feature. */
@Repository
class BackupCodeRepository {

    private static final Field<Integer> UNUSED_IN_SET = field(selectCount()
            .from(BACKUP_CODE)
            .where(BACKUP_CODE.SET_ID.eq(BACKUP_CODE_SET.ID))
            .and(BACKUP_CODE.USED_AT.isNull()));
    private static final Field<Integer> USED_IN_SET = field(selectCount()
            .from(BACKUP_CODE)
            .where(BACKUP_CODE.SET_ID.eq(BACKUP_CODE_SET.ID))
            .and(BACKUP_CODE.USED_AT.isNotNull()));

    private final DSLContext db;

    BackupCodeRepository(DSLContext db) {
        this.db = db;
    }

    String appKeyOf(UUID accountId) {
        return db.select(ACCOUNT.APP_KEY)
                .from(ACCOUNT)
                .where(ACCOUNT.ID.eq(accountId))
                .fetchSingle(ACCOUNT.APP_KEY);
    }

    Optional<CodeSetSummary> findActiveSummary(UUID accountId) {
        return db.select(
                        BACKUP_CODE_SET.ID,
                        BACKUP_CODE_SET.CODE_COUNT,
                        UNUSED_IN_SET,
                        BACKUP_CODE_SET.SAVED_AT,
                        APP_USER.DISPLAY_NAME,
                        BACKUP_CODE_SET.FORMAT_ID)
                .from(BACKUP_CODE_SET)
                .join(APP_USER)
                .on(APP_USER.ID.eq(BACKUP_CODE_SET.SAVED_BY))
                .where(BACKUP_CODE_SET.ACCOUNT_ID.eq(accountId))
                .and(BACKUP_CODE_SET.STATE.eq("ACTIVE"))
                .fetchOptional(r ->
                        new CodeSetSummary(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    boolean hasActiveSet(UUID accountId) {
        return db.fetchExists(
                BACKUP_CODE_SET, BACKUP_CODE_SET.ACCOUNT_ID.eq(accountId).and(BACKUP_CODE_SET.STATE.eq("ACTIVE")));
    }

    void insertSet(
            UUID setId, UUID workspaceId, UUID accountId, String formatId, UUID savedBy, List<String> ciphertexts) {
        db.insertInto(BACKUP_CODE_SET)
                .set(BACKUP_CODE_SET.ID, setId)
                .set(BACKUP_CODE_SET.WORKSPACE_ID, workspaceId)
                .set(BACKUP_CODE_SET.ACCOUNT_ID, accountId)
                .set(BACKUP_CODE_SET.FORMAT_ID, formatId)
                .set(BACKUP_CODE_SET.CODE_COUNT, ciphertexts.size())
                .set(BACKUP_CODE_SET.UNUSED_COUNT, ciphertexts.size())
                .set(BACKUP_CODE_SET.SAVED_BY, savedBy)
                .set(BACKUP_CODE_SET.STATE, "ACTIVE")
                .set(BACKUP_CODE_SET.CIPHER_BINDING, (short) CipherBinding.CURRENT.number())
                .execute();
        InsertValuesStep4<?, UUID, UUID, Integer, String> codes = db.insertInto(
                BACKUP_CODE,
                BACKUP_CODE.WORKSPACE_ID,
                BACKUP_CODE.SET_ID,
                BACKUP_CODE.POSITION,
                BACKUP_CODE.CIPHERTEXT);
        for (int i = 0; i < ciphertexts.size(); i++) {
            codes = codes.values(workspaceId, setId, i + 1, ciphertexts.get(i));
        }
        codes.execute();
    }

    /**
     * What the set's ciphertexts are bound to, for the cipher: a set saved before the current binding keeps its own
     * until {@code migrate-cipher} moves it.
     */
    CipherContext cipherContext(UUID accountId, UUID setId) {
        short binding = db.select(BACKUP_CODE_SET.CIPHER_BINDING)
                .from(BACKUP_CODE_SET)
                .where(BACKUP_CODE_SET.ID.eq(setId))
                .fetchSingle(BACKUP_CODE_SET.CIPHER_BINDING);
        return new CipherContext(accountId, setId).boundAs(CipherBinding.of(binding));
    }

    List<StoredCode> findCodes(UUID setId) {
        return db.select(BACKUP_CODE.POSITION, BACKUP_CODE.CIPHERTEXT, BACKUP_CODE.USED_AT, APP_USER.DISPLAY_NAME)
                .from(BACKUP_CODE)
                .leftJoin(APP_USER)
                .on(APP_USER.ID.eq(BACKUP_CODE.USED_BY))
                .where(BACKUP_CODE.SET_ID.eq(setId))
                .and(BACKUP_CODE.CIPHERTEXT.isNotNull())
                .orderBy(BACKUP_CODE.POSITION)
                .fetch(r -> new StoredCode(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /**
     * Marks the first unused code of the set used and returns it, in one statement. Rows another transaction
     * is taking are skipped, so two callers at the same moment never get the same code.
     */
    Optional<StoredCode> takeNextUnused(UUID setId, UUID userId, OffsetDateTime now) {
        // The set's row first, as replace and delete lock it, so they never wait for each other in a circle.
        if (db.update(BACKUP_CODE_SET)
                        .set(BACKUP_CODE_SET.UNUSED_COUNT, BACKUP_CODE_SET.UNUSED_COUNT.minus(1))
                        .where(BACKUP_CODE_SET.ID.eq(setId))
                        .and(BACKUP_CODE_SET.UNUSED_COUNT.gt(0))
                        .execute()
                == 0) {
            return Optional.empty();
        }
        var next = select(BACKUP_CODE.POSITION)
                .from(BACKUP_CODE)
                .where(BACKUP_CODE.SET_ID.eq(setId))
                .and(BACKUP_CODE.USED_AT.isNull())
                .and(BACKUP_CODE.CIPHERTEXT.isNotNull())
                .orderBy(BACKUP_CODE.POSITION)
                .limit(1)
                .forUpdate()
                .skipLocked();
        return db.update(BACKUP_CODE)
                .set(BACKUP_CODE.USED_AT, now)
                .set(BACKUP_CODE.USED_BY, userId)
                .where(BACKUP_CODE.SET_ID.eq(setId))
                .and(BACKUP_CODE.POSITION.eq(next))
                .returningResult(BACKUP_CODE.POSITION, BACKUP_CODE.CIPHERTEXT)
                .fetchOptional(r -> new StoredCode(r.value1(), r.value2(), now, null));
    }

    /** @return whether the code changed (false when it already was in that state, or is gone) */
    boolean markUsed(UUID setId, int position, UUID userId, OffsetDateTime now, boolean used) {
        // The set's row first, as replace and delete lock it, so they never wait for each other in a circle.
        db.select(BACKUP_CODE_SET.ID)
                .from(BACKUP_CODE_SET)
                .where(BACKUP_CODE_SET.ID.eq(setId))
                .forNoKeyUpdate()
                .fetch();
        boolean changed = db.update(BACKUP_CODE)
                        .set(BACKUP_CODE.USED_AT, used ? now : null)
                        .set(BACKUP_CODE.USED_BY, used ? userId : null)
                        .where(BACKUP_CODE.SET_ID.eq(setId))
                        .and(BACKUP_CODE.POSITION.eq(position))
                        .and(BACKUP_CODE.CIPHERTEXT.isNotNull())
                        .and(used ? BACKUP_CODE.USED_AT.isNull() : BACKUP_CODE.USED_AT.isNotNull())
                        .execute()
                == 1;
        if (changed) {
            db.update(BACKUP_CODE_SET)
                    .set(BACKUP_CODE_SET.UNUSED_COUNT, BACKUP_CODE_SET.UNUSED_COUNT.plus(used ? -1 : 1))
                    .where(BACKUP_CODE_SET.ID.eq(setId))
                    .execute();
        }
        return changed;
    }

    int countUnused(UUID setId) {
        return db.fetchCount(
                BACKUP_CODE,
                BACKUP_CODE.SET_ID.eq(setId).and(BACKUP_CODE.USED_AT.isNull()).and(BACKUP_CODE.CIPHERTEXT.isNotNull()));
    }

    /**
     * Holds the set while one of its codes is taken or marked: a replace or delete (which lock it for update) waits
     * for that, or the caller waits for them and then finds the set is no longer active. The same lock the code
     * count's update takes next, so two callers queue on the set's row instead of deadlocking on a lock upgrade.
     *
     * @return whether the set is the account's active set
     */
    boolean holdIfActive(UUID accountId, UUID setId) {
        return db.select(BACKUP_CODE_SET.ID)
                .from(BACKUP_CODE_SET)
                .where(BACKUP_CODE_SET.ID.eq(setId))
                .and(BACKUP_CODE_SET.ACCOUNT_ID.eq(accountId))
                .and(BACKUP_CODE_SET.STATE.eq("ACTIVE"))
                .forNoKeyUpdate()
                .fetchOptional()
                .isPresent();
    }

    /** Locks the account's active set for a replace or delete; empty when the set is no longer the active one. */
    Optional<CodeSetHistory> lockActiveSet(UUID accountId, UUID expectedSetId) {
        return db.select(BACKUP_CODE_SET.ID, BACKUP_CODE_SET.CODE_COUNT)
                .from(BACKUP_CODE_SET)
                .where(BACKUP_CODE_SET.ID.eq(expectedSetId))
                .and(BACKUP_CODE_SET.ACCOUNT_ID.eq(accountId))
                .and(BACKUP_CODE_SET.STATE.eq("ACTIVE"))
                .forUpdate()
                .fetchOptional(r -> new CodeSetHistory(r.value1(), "ACTIVE", r.value2(), 0, null, null, null, null));
    }

    /** Ends a set: it becomes history with its counts, and its ciphertexts are destroyed. Returns how many were used. */
    int endSet(UUID setId, String state, UUID userId, OffsetDateTime now) {
        int used = db.fetchCount(BACKUP_CODE, BACKUP_CODE.SET_ID.eq(setId).and(BACKUP_CODE.USED_AT.isNotNull()));
        db.update(BACKUP_CODE_SET)
                .set(BACKUP_CODE_SET.STATE, state)
                .set(BACKUP_CODE_SET.ENDED_BY, userId)
                .set(BACKUP_CODE_SET.ENDED_AT, now)
                .set(BACKUP_CODE_SET.USED_AT_END, used)
                .set(BACKUP_CODE_SET.VERSION, BACKUP_CODE_SET.VERSION.plus(1))
                .where(BACKUP_CODE_SET.ID.eq(setId))
                .execute();
        db.update(BACKUP_CODE)
                .setNull(BACKUP_CODE.CIPHERTEXT)
                .where(BACKUP_CODE.SET_ID.eq(setId))
                .execute();
        return used;
    }

    /**
     * Ends every set of a removed account that still holds ciphertexts: the active one becomes history as deleted,
     * with its counts, and every ciphertext is destroyed.
     */
    void endAllSets(UUID accountId, UUID userId, OffsetDateTime now) {
        db.select(BACKUP_CODE_SET.ID)
                .from(BACKUP_CODE_SET)
                .where(BACKUP_CODE_SET.ACCOUNT_ID.eq(accountId))
                .and(BACKUP_CODE_SET.STATE.eq("ACTIVE"))
                .forUpdate()
                .fetch(BACKUP_CODE_SET.ID)
                .forEach(setId -> endSet(setId, "DELETED", userId, now));
        db.update(BACKUP_CODE)
                .setNull(BACKUP_CODE.CIPHERTEXT)
                .where(BACKUP_CODE.SET_ID.in(select(BACKUP_CODE_SET.ID)
                        .from(BACKUP_CODE_SET)
                        .where(BACKUP_CODE_SET.ACCOUNT_ID.eq(accountId))))
                .and(BACKUP_CODE.CIPHERTEXT.isNotNull())
                .execute();
    }

    /** The latest change to the account's codes, for telling a user who changed them under their feet. */
    Optional<CodeSetHistory> findLatestSet(UUID accountId) {
        return findHistory(accountId).stream().findFirst();
    }

    /** Every set the account has had, newest first. */
    List<CodeSetHistory> findHistory(UUID accountId) {
        AppUser saver = APP_USER.as("saver");
        AppUser ender = APP_USER.as("ender");
        return db.select(
                        BACKUP_CODE_SET.ID,
                        BACKUP_CODE_SET.STATE,
                        BACKUP_CODE_SET.CODE_COUNT,
                        coalesce(BACKUP_CODE_SET.USED_AT_END, USED_IN_SET),
                        BACKUP_CODE_SET.SAVED_AT,
                        saver.DISPLAY_NAME,
                        BACKUP_CODE_SET.ENDED_AT,
                        ender.DISPLAY_NAME)
                .from(BACKUP_CODE_SET)
                .join(saver)
                .on(saver.ID.eq(BACKUP_CODE_SET.SAVED_BY))
                .leftJoin(ender)
                .on(ender.ID.eq(BACKUP_CODE_SET.ENDED_BY))
                .where(BACKUP_CODE_SET.ACCOUNT_ID.eq(accountId))
                .orderBy(BACKUP_CODE_SET.ENDED_AT.desc().nullsFirst(), BACKUP_CODE_SET.SAVED_AT.desc())
                .fetch(r -> new CodeSetHistory(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        r.value4(),
                        r.value5(),
                        r.value6(),
                        r.value7(),
                        r.value8()));
    }

    /** A code as stored: its ciphertext, not its value. */
    record StoredCode(int position, String ciphertext, OffsetDateTime usedAt, String usedByName) {}
}
