package dev.breakglass.account;

import static dev.breakglass.db.Tables.ACCOUNT;
import static dev.breakglass.db.Tables.ACCOUNT_ACCESS;
import static dev.breakglass.db.Tables.APP_USER;
import static dev.breakglass.db.Tables.WORKSPACE_MEMBER;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.not;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.when;

import dev.breakglass.security.AccountRole;
import dev.breakglass.security.WorkspaceRole;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;

/** Who has access to which account, for sharing and all-access. Every query is bound to one workspace. */
@Repository
class SharingRepository {

    private static final String ACTIVE = "ACTIVE";
    private static final String OWNER = "OWNER";

    private final DSLContext db;

    SharingRepository(DSLContext db) {
        this.db = db;
    }

    Optional<String> findLabel(UUID workspaceId, UUID accountId) {
        return db.select(ACCOUNT.LABEL)
                .from(ACCOUNT)
                .where(ACCOUNT.ID.eq(accountId))
                .and(ACCOUNT.WORKSPACE_ID.eq(workspaceId))
                .and(ACCOUNT.REMOVED_AT.isNull())
                .fetchOptional(ACCOUNT.LABEL);
    }

    /** Locks the account's row until the transaction ends, so two changes to its Owners cannot both pass the last-Owner check. */
    Optional<String> lockAccount(UUID workspaceId, UUID accountId) {
        return db.select(ACCOUNT.LABEL)
                .from(ACCOUNT)
                .where(ACCOUNT.ID.eq(accountId))
                .and(ACCOUNT.WORKSPACE_ID.eq(workspaceId))
                .and(ACCOUNT.REMOVED_AT.isNull())
                .forUpdate()
                .fetchOptional(ACCOUNT.LABEL);
    }

    List<AccountPerson> findPeople(UUID workspaceId, UUID accountId) {
        return db.select(
                        APP_USER.ID,
                        APP_USER.DISPLAY_NAME,
                        APP_USER.EMAIL,
                        ACCOUNT_ACCESS.ROLE,
                        WORKSPACE_MEMBER.ROLE,
                        WORKSPACE_MEMBER.STATUS)
                .from(ACCOUNT_ACCESS)
                .join(WORKSPACE_MEMBER)
                .on(WORKSPACE_MEMBER
                        .WORKSPACE_ID
                        .eq(ACCOUNT_ACCESS.WORKSPACE_ID)
                        .and(WORKSPACE_MEMBER.USER_ID.eq(ACCOUNT_ACCESS.USER_ID)))
                .join(APP_USER)
                .on(APP_USER.ID.eq(ACCOUNT_ACCESS.USER_ID))
                .where(ACCOUNT_ACCESS.WORKSPACE_ID.eq(workspaceId))
                .and(ACCOUNT_ACCESS.ACCOUNT_ID.eq(accountId))
                .orderBy(ACCOUNT_ACCESS.ROLE.desc(), lower(APP_USER.DISPLAY_NAME), APP_USER.ID)
                .fetch(r -> new AccountPerson(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        AccountRole.valueOf(r.value4()),
                        WorkspaceRole.valueOf(r.value5()),
                        ACTIVE.equals(r.value6())));
    }

    Optional<AccountRole> findRole(UUID workspaceId, UUID accountId, UUID userId) {
        return db.select(ACCOUNT_ACCESS.ROLE)
                .from(ACCOUNT_ACCESS)
                .where(ACCOUNT_ACCESS.WORKSPACE_ID.eq(workspaceId))
                .and(ACCOUNT_ACCESS.ACCOUNT_ID.eq(accountId))
                .and(ACCOUNT_ACCESS.USER_ID.eq(userId))
                .fetchOptional(r -> AccountRole.valueOf(r.value1()));
    }

    /** Active Owners of the account, apart from one person. */
    int countOtherActiveOwners(UUID workspaceId, UUID accountId, UUID exceptUserId) {
        return db.fetchCount(selectOne()
                .from(ACCOUNT_ACCESS)
                .join(WORKSPACE_MEMBER)
                .on(WORKSPACE_MEMBER
                        .WORKSPACE_ID
                        .eq(ACCOUNT_ACCESS.WORKSPACE_ID)
                        .and(WORKSPACE_MEMBER.USER_ID.eq(ACCOUNT_ACCESS.USER_ID)))
                .where(ACCOUNT_ACCESS.WORKSPACE_ID.eq(workspaceId))
                .and(ACCOUNT_ACCESS.ACCOUNT_ID.eq(accountId))
                .and(ACCOUNT_ACCESS.ROLE.eq(OWNER))
                .and(ACCOUNT_ACCESS.USER_ID.ne(exceptUserId))
                .and(WORKSPACE_MEMBER.STATUS.eq(ACTIVE)));
    }

    List<UUID> findOwners(UUID workspaceId, UUID accountId) {
        return db.select(ACCOUNT_ACCESS.USER_ID)
                .from(ACCOUNT_ACCESS)
                .where(ACCOUNT_ACCESS.WORKSPACE_ID.eq(workspaceId))
                .and(ACCOUNT_ACCESS.ACCOUNT_ID.eq(accountId))
                .and(ACCOUNT_ACCESS.ROLE.eq(OWNER))
                .orderBy(ACCOUNT_ACCESS.USER_ID)
                .fetch(ACCOUNT_ACCESS.USER_ID);
    }

    /** The account's Owners who are active members, by name. */
    List<Person> findActiveOwners(UUID workspaceId, UUID accountId) {
        return db.select(APP_USER.ID, APP_USER.DISPLAY_NAME, APP_USER.EMAIL, WORKSPACE_MEMBER.ROLE)
                .from(ACCOUNT_ACCESS)
                .join(WORKSPACE_MEMBER)
                .on(WORKSPACE_MEMBER
                        .WORKSPACE_ID
                        .eq(ACCOUNT_ACCESS.WORKSPACE_ID)
                        .and(WORKSPACE_MEMBER.USER_ID.eq(ACCOUNT_ACCESS.USER_ID)))
                .join(APP_USER)
                .on(APP_USER.ID.eq(ACCOUNT_ACCESS.USER_ID))
                .where(ACCOUNT_ACCESS.WORKSPACE_ID.eq(workspaceId))
                .and(ACCOUNT_ACCESS.ACCOUNT_ID.eq(accountId))
                .and(ACCOUNT_ACCESS.ROLE.eq(OWNER))
                .and(WORKSPACE_MEMBER.STATUS.eq(ACTIVE))
                .orderBy(lower(APP_USER.DISPLAY_NAME), APP_USER.ID)
                .fetch(r -> new Person(r.value1(), r.value2(), r.value3(), WorkspaceRole.valueOf(r.value4())));
    }

    /** An active member of the workspace, or empty for anyone else (including members of other workspaces). */
    Optional<Person> findActiveMember(UUID workspaceId, UUID userId) {
        return db.select(APP_USER.ID, APP_USER.DISPLAY_NAME, APP_USER.EMAIL, WORKSPACE_MEMBER.ROLE)
                .from(WORKSPACE_MEMBER)
                .join(APP_USER)
                .on(APP_USER.ID.eq(WORKSPACE_MEMBER.USER_ID))
                .where(WORKSPACE_MEMBER.WORKSPACE_ID.eq(workspaceId))
                .and(WORKSPACE_MEMBER.USER_ID.eq(userId))
                .and(WORKSPACE_MEMBER.STATUS.eq(ACTIVE))
                .fetchOptional(r -> new Person(r.value1(), r.value2(), r.value3(), WorkspaceRole.valueOf(r.value4())));
    }

    /**
     * Active members matching {@code search} (name or e-mail address), by name; without access to
     * {@code withoutAccessTo} when given, and only those who may own accounts when {@code ownersOnly}.
     */
    List<Person> findMembers(
            UUID workspaceId, String search, UUID withoutAccessTo, boolean ownersOnly, int offset, int limit) {
        Condition condition = WORKSPACE_MEMBER.WORKSPACE_ID.eq(workspaceId).and(WORKSPACE_MEMBER.STATUS.eq(ACTIVE));
        if (search != null && !search.isBlank()) {
            condition = condition.and(APP_USER.DISPLAY_NAME
                    .containsIgnoreCase(search.strip())
                    .or(APP_USER.EMAIL.containsIgnoreCase(search.strip())));
        }
        if (withoutAccessTo != null) {
            condition = condition.andNotExists(selectOne()
                    .from(ACCOUNT_ACCESS)
                    .where(ACCOUNT_ACCESS.ACCOUNT_ID.eq(withoutAccessTo))
                    .and(ACCOUNT_ACCESS.USER_ID.eq(WORKSPACE_MEMBER.USER_ID)));
        }
        if (ownersOnly) {
            condition = condition.and(WORKSPACE_MEMBER.ROLE.in(Arrays.stream(WorkspaceRole.values())
                    .filter(WorkspaceRole::mayOwnAccounts)
                    .map(Enum::name)
                    .toList()));
        }
        return db.select(APP_USER.ID, APP_USER.DISPLAY_NAME, APP_USER.EMAIL, WORKSPACE_MEMBER.ROLE)
                .from(WORKSPACE_MEMBER)
                .join(APP_USER)
                .on(APP_USER.ID.eq(WORKSPACE_MEMBER.USER_ID))
                .where(condition)
                .orderBy(lower(APP_USER.DISPLAY_NAME), APP_USER.ID)
                .offset(offset)
                .limit(limit)
                .fetch(r -> new Person(r.value1(), r.value2(), r.value3(), WorkspaceRole.valueOf(r.value4())));
    }

    void insertAccess(UUID workspaceId, UUID accountId, UUID userId, AccountRole role, UUID grantedBy) {
        db.insertInto(ACCOUNT_ACCESS)
                .set(ACCOUNT_ACCESS.WORKSPACE_ID, workspaceId)
                .set(ACCOUNT_ACCESS.ACCOUNT_ID, accountId)
                .set(ACCOUNT_ACCESS.USER_ID, userId)
                .set(ACCOUNT_ACCESS.ROLE, role.name())
                .set(ACCOUNT_ACCESS.GRANTED_BY, grantedBy)
                .execute();
    }

    /** Sets a person's account role; an Owner who becomes a Collaborator is remembered as a former Owner. */
    void updateRole(UUID workspaceId, UUID accountId, UUID userId, AccountRole role) {
        db.update(ACCOUNT_ACCESS)
                .set(ACCOUNT_ACCESS.ROLE, role.name())
                .set(
                        ACCOUNT_ACCESS.FORMERLY_OWNER,
                        field(ACCOUNT_ACCESS.FORMERLY_OWNER.isTrue().or(ACCOUNT_ACCESS.ROLE.eq("OWNER"))))
                .where(ACCOUNT_ACCESS.WORKSPACE_ID.eq(workspaceId))
                .and(ACCOUNT_ACCESS.ACCOUNT_ID.eq(accountId))
                .and(ACCOUNT_ACCESS.USER_ID.eq(userId))
                .execute();
    }

    void deleteAccess(UUID workspaceId, UUID accountId, UUID userId) {
        db.deleteFrom(ACCOUNT_ACCESS)
                .where(ACCOUNT_ACCESS.WORKSPACE_ID.eq(workspaceId))
                .and(ACCOUNT_ACCESS.ACCOUNT_ID.eq(accountId))
                .and(ACCOUNT_ACCESS.USER_ID.eq(userId))
                .execute();
    }

    /** Every account of the workspace with its Owners, orphaned ones first, then by label: one query per page. */
    List<AccountOwnership> findOwnerships(
            UUID workspaceId,
            boolean orphanedOnly,
            String search,
            int offset,
            int limit,
            Function<String, String> appNames) {
        Field<String> ownerName = APP_USER.DISPLAY_NAME.concat(
                when(WORKSPACE_MEMBER.STATUS.eq(ACTIVE), "").otherwise(" (deactivated)"));
        var owners = multiset(select(ownerName)
                        .from(ACCOUNT_ACCESS)
                        .join(WORKSPACE_MEMBER)
                        .on(WORKSPACE_MEMBER
                                .WORKSPACE_ID
                                .eq(ACCOUNT_ACCESS.WORKSPACE_ID)
                                .and(WORKSPACE_MEMBER.USER_ID.eq(ACCOUNT_ACCESS.USER_ID)))
                        .join(APP_USER)
                        .on(APP_USER.ID.eq(ACCOUNT_ACCESS.USER_ID))
                        .where(ACCOUNT_ACCESS.ACCOUNT_ID.eq(ACCOUNT.ID))
                        .and(ACCOUNT_ACCESS.ROLE.eq(OWNER))
                        .orderBy(lower(APP_USER.DISPLAY_NAME)))
                .convertFrom(result -> result.map(r -> r.value1()));
        Field<Boolean> orphaned = field(orphanedCondition());
        return db.select(ACCOUNT.ID, ACCOUNT.LABEL, ACCOUNT.APP_KEY, owners, orphaned)
                .from(ACCOUNT)
                .where(ownershipFilter(workspaceId, orphanedOnly, search))
                .orderBy(orphaned.desc(), lower(ACCOUNT.LABEL), ACCOUNT.ID)
                .offset(offset)
                .limit(limit)
                .fetch(r -> new AccountOwnership(
                        r.value1(), r.value2(), appNames.apply(r.value3()), r.value4(), r.value5()));
    }

    int countOwnerships(UUID workspaceId, boolean orphanedOnly, String search) {
        return db.fetchCount(selectOne().from(ACCOUNT).where(ownershipFilter(workspaceId, orphanedOnly, search)));
    }

    private static Condition ownershipFilter(UUID workspaceId, boolean orphanedOnly, String search) {
        return ACCOUNT.WORKSPACE_ID
                .eq(workspaceId)
                .and(ACCOUNT.REMOVED_AT.isNull())
                .and(orphanedOnly ? orphanedCondition() : noCondition())
                .and(
                        search == null || search.isBlank()
                                ? noCondition()
                                : ACCOUNT.LABEL.containsIgnoreCase(search.strip()));
    }

    /** No Owner of the account is an active member. */
    private static Condition orphanedCondition() {
        return not(exists(selectOne()
                .from(ACCOUNT_ACCESS)
                .join(WORKSPACE_MEMBER)
                .on(WORKSPACE_MEMBER
                        .WORKSPACE_ID
                        .eq(ACCOUNT_ACCESS.WORKSPACE_ID)
                        .and(WORKSPACE_MEMBER.USER_ID.eq(ACCOUNT_ACCESS.USER_ID)))
                .where(ACCOUNT_ACCESS.ACCOUNT_ID.eq(ACCOUNT.ID))
                .and(ACCOUNT_ACCESS.ROLE.eq(OWNER))
                .and(WORKSPACE_MEMBER.STATUS.eq(ACTIVE))));
    }
}
