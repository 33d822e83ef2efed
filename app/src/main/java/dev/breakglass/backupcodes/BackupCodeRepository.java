package dev.breakglass.backupcodes;

import static dev.breakglass.db.Tables.ACCOUNT;
import static dev.breakglass.db.Tables.APP_USER;
import static dev.breakglass.db.Tables.BACKUP_CODE;
import static dev.breakglass.db.Tables.BACKUP_CODE_SET;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.selectCount;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep4;
import org.springframework.stereotype.Repository;

/** Code sets and their ciphertexts. Ciphertexts never leave this feature. */
@Repository
class BackupCodeRepository {

    private final DSLContext db;

    BackupCodeRepository(DSLContext db) {
        this.db = db;
    }

    String appKeyOf(UUID accountId) {
        return db.select(ACCOUNT.APP_KEY).from(ACCOUNT).where(ACCOUNT.ID.eq(accountId)).fetchSingle(ACCOUNT.APP_KEY);
    }

    Optional<CodeSetSummary> findActiveSummary(UUID accountId) {
        var remaining = field(selectCount().from(BACKUP_CODE)
                .where(BACKUP_CODE.SET_ID.eq(BACKUP_CODE_SET.ID)).and(BACKUP_CODE.USED_AT.isNull()));
        return db.select(BACKUP_CODE_SET.ID, BACKUP_CODE_SET.CODE_COUNT, remaining, BACKUP_CODE_SET.SAVED_AT,
                        APP_USER.DISPLAY_NAME, BACKUP_CODE_SET.FORMAT_ID)
                .from(BACKUP_CODE_SET)
                .join(APP_USER).on(APP_USER.ID.eq(BACKUP_CODE_SET.SAVED_BY))
                .where(BACKUP_CODE_SET.ACCOUNT_ID.eq(accountId))
                .and(BACKUP_CODE_SET.STATE.eq("ACTIVE"))
                .fetchOptional(r -> new CodeSetSummary(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    boolean hasActiveSet(UUID accountId) {
        return db.fetchExists(BACKUP_CODE_SET, BACKUP_CODE_SET.ACCOUNT_ID.eq(accountId).and(BACKUP_CODE_SET.STATE.eq("ACTIVE")));
    }

    void insertSet(UUID setId, UUID workspaceId, UUID accountId, String formatId, UUID savedBy, List<String> ciphertexts) {
        db.insertInto(BACKUP_CODE_SET)
                .set(BACKUP_CODE_SET.ID, setId)
                .set(BACKUP_CODE_SET.WORKSPACE_ID, workspaceId)
                .set(BACKUP_CODE_SET.ACCOUNT_ID, accountId)
                .set(BACKUP_CODE_SET.FORMAT_ID, formatId)
                .set(BACKUP_CODE_SET.CODE_COUNT, ciphertexts.size())
                .set(BACKUP_CODE_SET.SAVED_BY, savedBy)
                .set(BACKUP_CODE_SET.STATE, "ACTIVE")
                .execute();
        InsertValuesStep4<?, UUID, UUID, Integer, String> codes = db.insertInto(BACKUP_CODE,
                BACKUP_CODE.WORKSPACE_ID, BACKUP_CODE.SET_ID, BACKUP_CODE.POSITION, BACKUP_CODE.CIPHERTEXT);
        for (int i = 0; i < ciphertexts.size(); i++) {
            codes = codes.values(workspaceId, setId, i + 1, ciphertexts.get(i));
        }
        codes.execute();
    }

    List<StoredCode> findCodes(UUID setId) {
        return db.select(BACKUP_CODE.POSITION, BACKUP_CODE.CIPHERTEXT, BACKUP_CODE.USED_AT)
                .from(BACKUP_CODE)
                .where(BACKUP_CODE.SET_ID.eq(setId))
                .and(BACKUP_CODE.CIPHERTEXT.isNotNull())
                .orderBy(BACKUP_CODE.POSITION)
                .fetch(r -> new StoredCode(r.value1(), r.value2(), r.value3()));
    }

    /** A code as stored: its ciphertext, not its value. */
    record StoredCode(int position, String ciphertext, java.time.OffsetDateTime usedAt) {
    }
}
