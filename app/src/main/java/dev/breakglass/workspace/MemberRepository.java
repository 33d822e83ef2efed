package dev.breakglass.workspace;

import static dev.breakglass.db.Tables.ACCOUNT;
import static dev.breakglass.db.Tables.ACCOUNT_ACCESS;
import static dev.breakglass.db.Tables.APP_USER;
import static dev.breakglass.db.Tables.WORKSPACE_MEMBER;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.selectOne;

import dev.breakglass.db.tables.AccountAccess;
import dev.breakglass.db.tables.WorkspaceMember;
import dev.breakglass.security.WorkspaceRole;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record6;
import org.springframework.stereotype.Repository;

/** Members of a workspace and their people records. Every query is bound to one workspace. */
@Repository
class MemberRepository {

    private static final String OWNER = "OWNER";

    private final DSLContext db;

    MemberRepository(DSLContext db) {
        this.db = db;
    }

    /** One page of the members the filter lets through, by name. */
    List<MemberRow> findPage(UUID workspaceId, MemberFilter filter, int offset, int limit) {
        return db.select(
                        APP_USER.ID,
                        APP_USER.DISPLAY_NAME,
                        APP_USER.EMAIL,
                        WORKSPACE_MEMBER.ROLE,
                        WORKSPACE_MEMBER.STATUS,
                        APP_USER.PASSWORD_HASH.isNotNull())
                .from(WORKSPACE_MEMBER)
                .join(APP_USER)
                .on(APP_USER.ID.eq(WORKSPACE_MEMBER.USER_ID))
                .where(WORKSPACE_MEMBER.WORKSPACE_ID.eq(workspaceId))
                .and(matches(filter))
                .orderBy(lower(APP_USER.DISPLAY_NAME), APP_USER.ID)
                .offset(offset)
                .limit(limit)
                .fetch(MemberRepository::toRow);
    }

    int count(UUID workspaceId, MemberFilter filter) {
        return db.fetchCount(selectOne()
                .from(WORKSPACE_MEMBER)
                .join(APP_USER)
                .on(APP_USER.ID.eq(WORKSPACE_MEMBER.USER_ID))
                .where(WORKSPACE_MEMBER.WORKSPACE_ID.eq(workspaceId))
                .and(matches(filter)));
    }

    Optional<MemberRow> findOne(UUID workspaceId, UUID userId) {
        return db.select(
                        APP_USER.ID,
                        APP_USER.DISPLAY_NAME,
                        APP_USER.EMAIL,
                        WORKSPACE_MEMBER.ROLE,
                        WORKSPACE_MEMBER.STATUS,
                        APP_USER.PASSWORD_HASH.isNotNull())
                .from(WORKSPACE_MEMBER)
                .join(APP_USER)
                .on(APP_USER.ID.eq(WORKSPACE_MEMBER.USER_ID))
                .where(WORKSPACE_MEMBER.WORKSPACE_ID.eq(workspaceId))
                .and(WORKSPACE_MEMBER.USER_ID.eq(userId))
                .fetchOptional(MemberRepository::toRow);
    }

    /** The login with this address, and whether it belongs to any workspace. */
    Optional<ExistingLogin> findLogin(String email) {
        return db.select(
                        APP_USER.ID,
                        field(exists(
                                selectOne().from(WORKSPACE_MEMBER).where(WORKSPACE_MEMBER.USER_ID.eq(APP_USER.ID)))))
                .from(APP_USER)
                .where(APP_USER.EMAIL.eq(email))
                .fetchOptional(r -> new ExistingLogin(r.value1(), r.value2()));
    }

    void insertLogin(UUID userId, String email, String displayName) {
        db.insertInto(APP_USER)
                .set(APP_USER.ID, userId)
                .set(APP_USER.EMAIL, email)
                .set(APP_USER.DISPLAY_NAME, displayName)
                .execute();
    }

    /** A login that belongs to no workspace any more starts over: new name, no password. */
    void resetLogin(UUID userId, String displayName) {
        db.update(APP_USER)
                .set(APP_USER.DISPLAY_NAME, displayName)
                .setNull(APP_USER.PASSWORD_HASH)
                .set(APP_USER.ENABLED, true)
                .where(APP_USER.ID.eq(userId))
                .execute();
    }

    void insertMember(UUID workspaceId, UUID userId, WorkspaceRole role) {
        db.insertInto(WORKSPACE_MEMBER)
                .set(WORKSPACE_MEMBER.WORKSPACE_ID, workspaceId)
                .set(WORKSPACE_MEMBER.USER_ID, userId)
                .set(WORKSPACE_MEMBER.ROLE, role.name())
                .execute();
    }

    void updateRole(UUID workspaceId, UUID userId, WorkspaceRole role) {
        db.update(WORKSPACE_MEMBER)
                .set(WORKSPACE_MEMBER.ROLE, role.name())
                .where(WORKSPACE_MEMBER.WORKSPACE_ID.eq(workspaceId))
                .and(WORKSPACE_MEMBER.USER_ID.eq(userId))
                .execute();
    }

    void updateStatus(UUID workspaceId, UUID userId, MemberStatus status) {
        db.update(WORKSPACE_MEMBER)
                .set(WORKSPACE_MEMBER.STATUS, status.name())
                .where(WORKSPACE_MEMBER.WORKSPACE_ID.eq(workspaceId))
                .and(WORKSPACE_MEMBER.USER_ID.eq(userId))
                .execute();
    }

    /** Guests and Login-only users can only be Collaborators: their Owner grants become Collaborator grants. */
    void demoteAccountOwnerships(UUID workspaceId, UUID userId) {
        db.update(ACCOUNT_ACCESS)
                .set(ACCOUNT_ACCESS.ROLE, "COLLABORATOR")
                .set(ACCOUNT_ACCESS.FORMERLY_OWNER, true)
                .where(ACCOUNT_ACCESS.WORKSPACE_ID.eq(workspaceId))
                .and(ACCOUNT_ACCESS.USER_ID.eq(userId))
                .and(ACCOUNT_ACCESS.ROLE.eq(OWNER))
                .execute();
    }

    /** Removes the member, with their account access; the login stays (history refers to it) but loses its password. */
    void deleteMember(UUID workspaceId, UUID userId) {
        db.deleteFrom(ACCOUNT_ACCESS)
                .where(ACCOUNT_ACCESS.WORKSPACE_ID.eq(workspaceId))
                .and(ACCOUNT_ACCESS.USER_ID.eq(userId))
                .execute();
        db.deleteFrom(WORKSPACE_MEMBER)
                .where(WORKSPACE_MEMBER.WORKSPACE_ID.eq(workspaceId))
                .and(WORKSPACE_MEMBER.USER_ID.eq(userId))
                .execute();
        db.update(APP_USER)
                .setNull(APP_USER.PASSWORD_HASH)
                .where(APP_USER.ID.eq(userId))
                .andNotExists(selectOne().from(WORKSPACE_MEMBER).where(WORKSPACE_MEMBER.USER_ID.eq(userId)))
                .execute();
    }

    /**
     * The accounts of the workspace this member owns with no other active Owner beside them: the ones that
     * are orphaned when they stop being an Owner or an active member.
     */
    List<AccountLabel> findSolelyOwned(UUID workspaceId, UUID userId) {
        AccountAccess other = ACCOUNT_ACCESS.as("other_owner");
        WorkspaceMember otherMember = WORKSPACE_MEMBER.as("other_member");
        return db.select(ACCOUNT.ID, ACCOUNT.LABEL)
                .from(ACCOUNT)
                .join(ACCOUNT_ACCESS)
                .on(ACCOUNT_ACCESS.ACCOUNT_ID.eq(ACCOUNT.ID))
                .where(ACCOUNT.WORKSPACE_ID.eq(workspaceId))
                .and(ACCOUNT.REMOVED_AT.isNull())
                .and(ACCOUNT_ACCESS.USER_ID.eq(userId))
                .and(ACCOUNT_ACCESS.ROLE.eq(OWNER))
                .andNotExists(selectOne()
                        .from(other)
                        .join(otherMember)
                        .on(otherMember.WORKSPACE_ID.eq(other.WORKSPACE_ID).and(otherMember.USER_ID.eq(other.USER_ID)))
                        .where(other.ACCOUNT_ID.eq(ACCOUNT.ID))
                        .and(other.ROLE.eq(OWNER))
                        .and(other.USER_ID.ne(userId))
                        .and(otherMember.STATUS.eq(MemberStatus.ACTIVE.name())))
                .orderBy(lower(ACCOUNT.LABEL), ACCOUNT.ID)
                .fetch(r -> new AccountLabel(r.value1(), r.value2()));
    }

    private static Condition matches(MemberFilter filter) {
        Condition condition = noCondition();
        if (filter.search() != null && !filter.search().isBlank()) {
            String term = filter.search().strip();
            condition = APP_USER.DISPLAY_NAME.containsIgnoreCase(term).or(APP_USER.EMAIL.containsIgnoreCase(term));
        }
        if (filter.role() != null) {
            condition = condition.and(WORKSPACE_MEMBER.ROLE.eq(filter.role().name()));
        }
        if (filter.status() != null) {
            condition = condition.and(WORKSPACE_MEMBER.STATUS.eq(filter.status().name()));
        }
        return condition;
    }

    private static MemberRow toRow(Record6<UUID, String, String, String, String, Boolean> r) {
        return new MemberRow(
                r.value1(),
                r.value2(),
                r.value3(),
                WorkspaceRole.valueOf(r.value4()),
                MemberStatus.valueOf(r.value5()),
                r.value6());
    }

    record MemberRow(
            UUID userId,
            String displayName,
            String email,
            WorkspaceRole role,
            MemberStatus status,
            boolean passwordSet) {}

    record ExistingLogin(UUID userId, boolean memberSomewhere) {}
}
