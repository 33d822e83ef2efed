package dev.breakglass.account;

import static dev.breakglass.db.Tables.ACCOUNT;
import static dev.breakglass.db.Tables.ACCOUNT_ACCESS;
import static dev.breakglass.db.Tables.APP_USER;
import static dev.breakglass.db.Tables.BACKUP_CODE_SET;
import static dev.breakglass.db.Tables.MEMBER_COVERAGE;
import static dev.breakglass.db.Tables.WORKSPACE_MEMBER;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.least;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;

import dev.breakglass.security.AccountGrant;
import dev.breakglass.security.AccountRole;
import dev.breakglass.security.WorkspaceRole;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.OrderField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Accounts as one member may see them, and the account rows themselves. Removed accounts are in no answer: every
 * query here asks for live ones. Cards and counts read the unused-code count kept on the active set, so their
 * cost is one row per account, never a count of codes per account.
 */
@Repository
class AccountRepository {

    private static final Field<String> LABEL_KEY = lower(ACCOUNT.LABEL);

    private final DSLContext db;

    AccountRepository(DSLContext db) {
        this.db = db;
    }

    /** The accounts shared with a member that match the filter and search, in the chosen order, one page at a time. */
    List<AccountCard> findCards(
            UUID workspaceId,
            UUID userId,
            Condition filter,
            Condition search,
            CardSort sort,
            int offset,
            int limit,
            Function<String, String> appNames) {
        return db.select(
                        ACCOUNT.ID,
                        ACCOUNT.LABEL,
                        ACCOUNT.APP_KEY,
                        ACCOUNT.APP_NAME,
                        ACCOUNT.LOGIN_NAME,
                        ACCOUNT.MFA_STATE,
                        ACCOUNT_ACCESS.ROLE,
                        coalesce(BACKUP_CODE_SET.CODE_COUNT, val(0)),
                        coalesce(BACKUP_CODE_SET.UNUSED_COUNT, val(0)))
                .from(ACCOUNT_ACCESS)
                .join(ACCOUNT)
                .on(ACCOUNT.ID.eq(ACCOUNT_ACCESS.ACCOUNT_ID))
                .leftJoin(BACKUP_CODE_SET)
                .on(BACKUP_CODE_SET.ACCOUNT_ID.eq(ACCOUNT.ID).and(BACKUP_CODE_SET.STATE.eq("ACTIVE")))
                .where(visibleTo(workspaceId, userId))
                .and(filter)
                .and(search)
                .orderBy(order(sort))
                .offset(offset)
                .limit(limit)
                .fetch(r -> new AccountCard(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        appName(r.value3(), r.value4(), appNames),
                        r.value5(),
                        MfaState.valueOf(r.value6()),
                        AccountRole.valueOf(r.value7()),
                        r.value8(),
                        r.value9()));
    }

    // Labels are unique per workspace whatever their case, so the label alone orders the cards.
    private static List<OrderField<?>> order(CardSort sort) {
        return switch (sort) {
            case LABEL -> List.of(LABEL_KEY);
            case RECENTLY_CHANGED ->
                List.of(
                        greatest(ACCOUNT.UPDATED_AT, coalesce(BACKUP_CODE_SET.SAVED_AT, ACCOUNT.UPDATED_AT))
                                .desc(),
                        LABEL_KEY);
            // Saved sets by how few codes are left; accounts without saved codes after them.
            case FEWEST_CODES_LEFT -> List.of(BACKUP_CODE_SET.UNUSED_COUNT.asc().nullsLast(), LABEL_KEY);
        };
    }

    /**
     * How many of the member's accounts match each filter, in one query of the member's coverage rows, which the
     * database keeps in the transaction of every change (V22): a few rows per member, whatever the number of
     * accounts. {@code oldBeforeDay} is the first day (UTC) whose saves are not old.
     */
    AccountsOverview overview(UUID workspaceId, UUID userId, int lowAt, LocalDate oldBeforeDay, int staleAfterDays) {
        int cutoff = (int) oldBeforeDay.toEpochDay();
        Field<Integer> all = sum(MEMBER_COVERAGE.KIND.eq("ALL"), val(true));
        Field<Integer> mfaOnNoCodes = sum(MEMBER_COVERAGE.KIND.eq("MFA_ON_NO_CODES"), val(true));
        Field<Integer> low = sum(MEMBER_COVERAGE.KIND.eq("LOW"), MEMBER_COVERAGE.BUCKET.le(lowAt));
        Field<Integer> old = sum(MEMBER_COVERAGE.KIND.eq("SAVED"), MEMBER_COVERAGE.BUCKET.lt(cutoff));
        return db.select(all, mfaOnNoCodes, low, old)
                .from(MEMBER_COVERAGE)
                .where(MEMBER_COVERAGE.WORKSPACE_ID.eq(workspaceId))
                .and(MEMBER_COVERAGE.USER_ID.eq(userId))
                .andExists(selectOne()
                        .from(WORKSPACE_MEMBER)
                        .where(WORKSPACE_MEMBER.WORKSPACE_ID.eq(workspaceId))
                        .and(WORKSPACE_MEMBER.USER_ID.eq(userId))
                        .and(WORKSPACE_MEMBER.STATUS.eq("ACTIVE")))
                .fetchSingle(r -> new AccountsOverview(r.value1(), r.value2(), r.value3(), r.value4(), staleAfterDays));
    }

    private static Field<Integer> sum(Condition kind, Field<Boolean> bucket) {
        return coalesce(DSL.sum(MEMBER_COVERAGE.N).filterWhere(kind.and(bucket.isTrue())), val(BigDecimal.ZERO))
                .cast(Integer.class);
    }

    static Condition mfaOnWithoutCodes() {
        return ACCOUNT.MFA_STATE.eq("ON").and(BACKUP_CODE_SET.ID.isNull());
    }

    /** Low by the set's own size too: a one-code set is low only once its code is used. */
    static Condition lowOnCodes(int lowAt) {
        return BACKUP_CODE_SET
                .ID
                .isNotNull()
                .and(BACKUP_CODE_SET.UNUSED_COUNT.le(least(val(lowAt), BACKUP_CODE_SET.CODE_COUNT.minus(1))));
    }

    /** Codes saved before the start of the day (UTC), as the overview counts them. */
    static Condition codesSavedBefore(LocalDate day) {
        return BACKUP_CODE_SET.SAVED_AT.lt(day.atStartOfDay().atOffset(ZoneOffset.UTC));
    }

    /** Label, login name or app name contains the text, any case; {@code appKeys} are the apps whose names match. */
    static Condition matching(String text, Set<String> appKeys) {
        if (text == null || text.isBlank()) {
            return noCondition();
        }
        String term = text.strip();
        return ACCOUNT.LABEL
                .containsIgnoreCase(term)
                .or(ACCOUNT.LOGIN_NAME.containsIgnoreCase(term))
                .or(ACCOUNT.APP_NAME.containsIgnoreCase(term))
                .or(ACCOUNT.APP_NAME
                        .isNull()
                        .and(ACCOUNT.APP_KEY.containsIgnoreCase(term).or(ACCOUNT.APP_KEY.in(appKeys))));
    }

    Optional<AccountDetails> findDetails(
            UUID workspaceId, UUID userId, UUID accountId, Function<String, String> appNames) {
        return db.select(
                        ACCOUNT.ID,
                        ACCOUNT.LABEL,
                        ACCOUNT.APP_KEY,
                        ACCOUNT.APP_NAME,
                        ACCOUNT.LOGIN_NAME,
                        ACCOUNT.MFA_STATE,
                        ACCOUNT_ACCESS.ROLE,
                        ACCOUNT.SIGN_IN_URL,
                        ACCOUNT.NOTES,
                        ACCOUNT.VERSION,
                        WORKSPACE_MEMBER.ROLE,
                        ACCOUNT_ACCESS.FORMERLY_OWNER)
                .from(ACCOUNT_ACCESS)
                .join(ACCOUNT)
                .on(ACCOUNT.ID.eq(ACCOUNT_ACCESS.ACCOUNT_ID))
                .join(WORKSPACE_MEMBER)
                .on(WORKSPACE_MEMBER
                        .WORKSPACE_ID
                        .eq(ACCOUNT.WORKSPACE_ID)
                        .and(WORKSPACE_MEMBER.USER_ID.eq(ACCOUNT_ACCESS.USER_ID)))
                .where(visibleTo(workspaceId, userId))
                .and(ACCOUNT.ID.eq(accountId))
                .fetchOptional(r -> {
                    AccountRole role = AccountRole.valueOf(r.value7());
                    return new AccountDetails(
                            r.value1(),
                            r.value2(),
                            r.value3(),
                            appName(r.value3(), r.value4(), appNames),
                            r.value5(),
                            MfaState.valueOf(r.value6()),
                            role,
                            r.value4(),
                            r.value8(),
                            r.value9(),
                            r.value10(),
                            AccountGrant.hasOwnerPowers(role, WorkspaceRole.valueOf(r.value11())),
                            role == AccountRole.OWNER || r.value12());
                });
    }

    /** The live account of the workspace labelled so, whatever the case, apart from one; its label as saved. */
    Optional<String> findLabelClash(UUID workspaceId, String label, UUID exceptAccountId) {
        return db.select(ACCOUNT.LABEL)
                .from(ACCOUNT)
                .where(ACCOUNT.WORKSPACE_ID.eq(workspaceId))
                .and(LABEL_KEY.eq(label.toLowerCase(Locale.ROOT)))
                .and(ACCOUNT.REMOVED_AT.isNull())
                .and(exceptAccountId == null ? noCondition() : ACCOUNT.ID.ne(exceptAccountId))
                .fetchOptional(ACCOUNT.LABEL);
    }

    /** Which of these labels (lower case) live accounts of the workspace already carry, in one query. */
    Set<String> findTakenLabels(UUID workspaceId, Collection<String> lowerCaseLabels) {
        if (lowerCaseLabels.isEmpty()) {
            return Set.of();
        }
        return db.select(LABEL_KEY)
                .from(ACCOUNT)
                .where(ACCOUNT.WORKSPACE_ID.eq(workspaceId))
                .and(LABEL_KEY.in(lowerCaseLabels))
                .and(ACCOUNT.REMOVED_AT.isNull())
                .fetchSet(LABEL_KEY);
    }

    /** The members of the workspace with these e-mail addresses (lower case), by address, with role and status. */
    Map<String, Member> findMembersByEmail(UUID workspaceId, Collection<String> emails) {
        if (emails.isEmpty()) {
            return Map.of();
        }
        return db
                .select(
                        APP_USER.ID,
                        APP_USER.DISPLAY_NAME,
                        APP_USER.EMAIL,
                        WORKSPACE_MEMBER.ROLE,
                        WORKSPACE_MEMBER.STATUS)
                .from(WORKSPACE_MEMBER)
                .join(APP_USER)
                .on(APP_USER.ID.eq(WORKSPACE_MEMBER.USER_ID))
                .where(WORKSPACE_MEMBER.WORKSPACE_ID.eq(workspaceId))
                .and(APP_USER.EMAIL.in(emails))
                .fetch(r -> new Member(
                        new Person(r.value1(), r.value2(), r.value3(), WorkspaceRole.valueOf(r.value4())),
                        "ACTIVE".equals(r.value5())))
                .stream()
                .collect(Collectors.toMap(member -> member.person().email(), member -> member));
    }

    void insert(UUID workspaceId, UUID accountId, AccountForm form, UUID createdBy) {
        db.insertInto(ACCOUNT)
                .set(ACCOUNT.ID, accountId)
                .set(ACCOUNT.WORKSPACE_ID, workspaceId)
                .set(settings(form))
                .set(ACCOUNT.CREATED_BY, createdBy)
                .set(ACCOUNT.UPDATED_BY, createdBy)
                .execute();
    }

    /** Gives people access to new accounts, in one statement. */
    void insertAccess(UUID workspaceId, List<Grant> grants, UUID grantedBy) {
        if (grants.isEmpty()) {
            return;
        }
        var insert = db.insertInto(
                ACCOUNT_ACCESS,
                ACCOUNT_ACCESS.WORKSPACE_ID,
                ACCOUNT_ACCESS.ACCOUNT_ID,
                ACCOUNT_ACCESS.USER_ID,
                ACCOUNT_ACCESS.ROLE,
                ACCOUNT_ACCESS.GRANTED_BY);
        for (Grant grant : grants) {
            insert = insert.values(
                    workspaceId, grant.accountId(), grant.userId(), grant.role().name(), grantedBy);
        }
        insert.execute();
    }

    /** Locks a live account of the workspace for a change and reads what it holds now. */
    Optional<Saved> lock(UUID workspaceId, UUID accountId) {
        return db.select(
                        ACCOUNT.APP_KEY,
                        ACCOUNT.APP_NAME,
                        ACCOUNT.LABEL,
                        ACCOUNT.LOGIN_NAME,
                        ACCOUNT.MFA_STATE,
                        ACCOUNT.SIGN_IN_URL,
                        ACCOUNT.NOTES,
                        ACCOUNT.VERSION,
                        ACCOUNT.UPDATED_BY)
                .from(ACCOUNT)
                .where(ACCOUNT.ID.eq(accountId))
                .and(ACCOUNT.WORKSPACE_ID.eq(workspaceId))
                .and(ACCOUNT.REMOVED_AT.isNull())
                .forUpdate()
                .fetchOptional(r -> new Saved(
                        new AccountForm(
                                r.value1(),
                                r.value2(),
                                r.value3(),
                                r.value4(),
                                MfaState.valueOf(r.value5()),
                                r.value6(),
                                r.value7()),
                        r.value8(),
                        r.value9()));
    }

    Optional<String> findDisplayName(UUID userId) {
        return userId == null
                ? Optional.empty()
                : db.select(APP_USER.DISPLAY_NAME)
                        .from(APP_USER)
                        .where(APP_USER.ID.eq(userId))
                        .fetchOptional(APP_USER.DISPLAY_NAME);
    }

    /** The columns a member sets in the Add account and Edit forms. */
    private static Map<Field<?>, Object> settings(AccountForm form) {
        Map<Field<?>, Object> settings = new LinkedHashMap<>();
        settings.put(ACCOUNT.APP_KEY, form.appKey());
        settings.put(ACCOUNT.APP_NAME, form.otherAppName());
        settings.put(ACCOUNT.LABEL, form.label());
        settings.put(ACCOUNT.LOGIN_NAME, form.loginName());
        settings.put(ACCOUNT.MFA_STATE, form.mfaState().name());
        settings.put(ACCOUNT.SIGN_IN_URL, form.signInUrl());
        settings.put(ACCOUNT.NOTES, form.notes());
        return settings;
    }

    /** Saves a new version of the account's settings; the caller holds its lock and checked the version. */
    void update(UUID accountId, AccountForm form, UUID userId, OffsetDateTime now) {
        db.update(ACCOUNT)
                .set(settings(form))
                .set(ACCOUNT.UPDATED_BY, userId)
                .set(ACCOUNT.UPDATED_AT, now)
                .set(ACCOUNT.VERSION, ACCOUNT.VERSION.plus(1))
                .where(ACCOUNT.ID.eq(accountId))
                .execute();
    }

    /** The id of the account's active code set, if it has one. */
    Optional<UUID> findActiveSetId(UUID accountId) {
        return db.select(BACKUP_CODE_SET.ID)
                .from(BACKUP_CODE_SET)
                .where(BACKUP_CODE_SET.ACCOUNT_ID.eq(accountId))
                .and(BACKUP_CODE_SET.STATE.eq("ACTIVE"))
                .fetchOptional(BACKUP_CODE_SET.ID);
    }

    void markRemoved(UUID accountId, UUID userId, OffsetDateTime now) {
        db.update(ACCOUNT)
                .set(ACCOUNT.REMOVED_AT, now)
                .set(ACCOUNT.REMOVED_BY, userId)
                .set(ACCOUNT.UPDATED_BY, userId)
                .set(ACCOUNT.UPDATED_AT, now)
                .set(ACCOUNT.VERSION, ACCOUNT.VERSION.plus(1))
                .where(ACCOUNT.ID.eq(accountId))
                .execute();
    }

    private static String appName(String appKey, String otherAppName, Function<String, String> appNames) {
        return otherAppName != null ? otherAppName : appNames.apply(appKey);
    }

    private static Condition visibleTo(UUID workspaceId, UUID userId) {
        return ACCOUNT.WORKSPACE_ID
                .eq(workspaceId)
                .and(ACCOUNT.REMOVED_AT.isNull())
                .and(ACCOUNT_ACCESS.USER_ID.eq(userId))
                .andExists(selectOne()
                        .from(WORKSPACE_MEMBER)
                        .where(WORKSPACE_MEMBER.WORKSPACE_ID.eq(workspaceId))
                        .and(WORKSPACE_MEMBER.USER_ID.eq(userId))
                        .and(WORKSPACE_MEMBER.STATUS.eq("ACTIVE")));
    }

    /** An account's settings as saved, with its version and who saved it. */
    record Saved(AccountForm form, int version, UUID updatedBy) {}

    /** A member of the workspace found by e-mail address; {@code active} false when deactivated. */
    record Member(Person person, boolean active) {}

    /** Access to give on a new account. */
    record Grant(UUID accountId, UUID userId, AccountRole role) {}
}
