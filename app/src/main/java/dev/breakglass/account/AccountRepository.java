package dev.breakglass.account;

import static dev.breakglass.db.Tables.ACCOUNT;
import static dev.breakglass.db.Tables.ACCOUNT_ACCESS;
import static dev.breakglass.db.Tables.BACKUP_CODE;
import static dev.breakglass.db.Tables.BACKUP_CODE_SET;
import static dev.breakglass.db.Tables.WORKSPACE_MEMBER;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.least;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.selectCount;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;

import dev.breakglass.security.AccountRole;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;

/** Reads accounts as one member may see them: one query per page of cards. */
@Repository
class AccountRepository {

    private final DSLContext db;

    AccountRepository(DSLContext db) {
        this.db = db;
    }

    // Counts 0 when the account has no active set, since no code matches a NULL set id.
    private static final Field<Integer> REMAINING = field(selectCount().from(BACKUP_CODE)
            .where(BACKUP_CODE.SET_ID.eq(BACKUP_CODE_SET.ID)).and(BACKUP_CODE.USED_AT.isNull()));

    /** The accounts shared with a member that match the filter, by label, one page at a time. */
    List<AccountCard> findCards(UUID workspaceId, UUID userId, Condition filter, int offset, int limit,
            Function<String, String> appNames) {
        return db.select(ACCOUNT.ID, ACCOUNT.LABEL, ACCOUNT.APP_KEY, ACCOUNT.LOGIN_NAME, ACCOUNT.MFA_STATE,
                        ACCOUNT_ACCESS.ROLE, coalesce(BACKUP_CODE_SET.CODE_COUNT, val(0)), REMAINING)
                .from(ACCOUNT)
                .join(ACCOUNT_ACCESS).on(ACCOUNT_ACCESS.ACCOUNT_ID.eq(ACCOUNT.ID))
                .leftJoin(BACKUP_CODE_SET).on(BACKUP_CODE_SET.ACCOUNT_ID.eq(ACCOUNT.ID).and(BACKUP_CODE_SET.STATE.eq("ACTIVE")))
                .where(visibleTo(workspaceId, userId))
                .and(filter)
                .orderBy(lower(ACCOUNT.LABEL), ACCOUNT.ID)
                .offset(offset)
                .limit(limit)
                .fetch(r -> new AccountCard(r.value1(), r.value2(), r.value3(), appNames.apply(r.value3()), r.value4(),
                        MfaState.valueOf(r.value5()), AccountRole.valueOf(r.value6()), r.value7(), r.value8()));
    }

    /** How many of the member's accounts match each filter, in one query. */
    AccountsOverview overview(UUID workspaceId, UUID userId, Condition mfaOnNoCodes, Condition lowCodes, Condition oldCodes,
            int staleAfterDays) {
        return db.select(count(), count().filterWhere(mfaOnNoCodes), count().filterWhere(lowCodes),
                        count().filterWhere(oldCodes))
                .from(ACCOUNT)
                .join(ACCOUNT_ACCESS).on(ACCOUNT_ACCESS.ACCOUNT_ID.eq(ACCOUNT.ID))
                .leftJoin(BACKUP_CODE_SET).on(BACKUP_CODE_SET.ACCOUNT_ID.eq(ACCOUNT.ID).and(BACKUP_CODE_SET.STATE.eq("ACTIVE")))
                .where(visibleTo(workspaceId, userId))
                .fetchSingle(r -> new AccountsOverview(r.value1(), r.value2(), r.value3(), r.value4(), staleAfterDays));
    }

    static Condition mfaOnWithoutCodes() {
        return ACCOUNT.MFA_STATE.eq("ON").and(BACKUP_CODE_SET.ID.isNull());
    }

    /** Low by the set's own size too: a one-code set is low only once its code is used. */
    static Condition lowOnCodes(int lowAt) {
        return BACKUP_CODE_SET.ID.isNotNull().and(REMAINING.le(least(val(lowAt), BACKUP_CODE_SET.CODE_COUNT.minus(1))));
    }

    static Condition codesSavedBefore(OffsetDateTime cutoff) {
        return BACKUP_CODE_SET.SAVED_AT.lt(cutoff);
    }

    Optional<AccountDetails> findDetails(UUID workspaceId, UUID userId, UUID accountId, Function<String, String> appNames) {
        return db.select(ACCOUNT.ID, ACCOUNT.LABEL, ACCOUNT.APP_KEY, ACCOUNT.LOGIN_NAME, ACCOUNT.MFA_STATE, ACCOUNT_ACCESS.ROLE)
                .from(ACCOUNT)
                .join(ACCOUNT_ACCESS).on(ACCOUNT_ACCESS.ACCOUNT_ID.eq(ACCOUNT.ID))
                .where(visibleTo(workspaceId, userId))
                .and(ACCOUNT.ID.eq(accountId))
                .fetchOptional(r -> new AccountDetails(r.value1(), r.value2(), r.value3(), appNames.apply(r.value3()),
                        r.value4(), MfaState.valueOf(r.value5()), AccountRole.valueOf(r.value6())));
    }

    private static Condition visibleTo(UUID workspaceId, UUID userId) {
        return ACCOUNT.WORKSPACE_ID.eq(workspaceId)
                .and(ACCOUNT_ACCESS.USER_ID.eq(userId))
                .andExists(selectOne().from(WORKSPACE_MEMBER)
                        .where(WORKSPACE_MEMBER.WORKSPACE_ID.eq(workspaceId))
                        .and(WORKSPACE_MEMBER.USER_ID.eq(userId))
                        .and(WORKSPACE_MEMBER.STATUS.eq("ACTIVE")));
    }
}
