package dev.breakglass.testing;

import static dev.breakglass.db.Tables.ACCOUNT;
import static dev.breakglass.db.Tables.ACCOUNT_ACCESS;
import static dev.breakglass.db.Tables.APP_USER;
import static dev.breakglass.db.Tables.AUDIT_EVENT;
import static dev.breakglass.db.Tables.BACKUP_CODE;
import static dev.breakglass.db.Tables.BACKUP_CODE_SET;
import static dev.breakglass.db.Tables.NOTIFICATION;
import static dev.breakglass.db.Tables.WORKSPACE;
import static dev.breakglass.db.Tables.WORKSPACE_MEMBER;
import static dev.breakglass.db.Tables.WORKSPACE_SSO;

import dev.breakglass.security.AccountRole;
import dev.breakglass.security.WorkspaceRole;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Fresh workspaces with one member of every workspace role, for tests that change roles and access and must
 * not disturb the demo workspace or each other.
 */
@Component
public class RoleFixtures {

    public static final String PASSWORD = "matrix-password-42";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final DSLContext db;
    private final PasswordEncoder passwords;
    private String passwordHash;

    RoleFixtures(DSLContext db, PasswordEncoder passwords) {
        this.db = db;
        this.passwords = passwords;
    }

    /** A new workspace with one active member of each workspace role, all with password {@link #PASSWORD}. */
    public TestWorkspace newWorkspace() {
        int n = SEQUENCE.incrementAndGet();
        UUID id = UUID.randomUUID();
        db.insertInto(WORKSPACE)
                .set(WORKSPACE.ID, id)
                .set(WORKSPACE.NAME, "Test " + n)
                .execute();
        TestWorkspace workspace = new TestWorkspace(this, id, n, new EnumMap<>(WorkspaceRole.class));
        for (WorkspaceRole role : WorkspaceRole.values()) {
            workspace
                    .byRole()
                    .put(role, addMember(workspace, role.name().toLowerCase().replace('_', '-'), role));
        }
        return workspace;
    }

    /** The demo workspace Acme, to add members and accounts of a test's own to it. */
    public TestWorkspace demoWorkspace() {
        UUID id = db.select(WORKSPACE.ID)
                .from(WORKSPACE)
                .where(WORKSPACE.NAME.eq("Acme"))
                .fetchSingle(WORKSPACE.ID);
        Map<WorkspaceRole, TestMember> byRole = new EnumMap<>(WorkspaceRole.class);
        db.select(WORKSPACE_MEMBER.ROLE, APP_USER.ID, APP_USER.EMAIL)
                .from(WORKSPACE_MEMBER)
                .join(APP_USER)
                .on(APP_USER.ID.eq(WORKSPACE_MEMBER.USER_ID))
                .where(WORKSPACE_MEMBER.WORKSPACE_ID.eq(id))
                .orderBy(APP_USER.EMAIL)
                .forEach(r ->
                        byRole.putIfAbsent(WorkspaceRole.valueOf(r.value1()), new TestMember(r.value2(), r.value3())));
        return new TestWorkspace(this, id, 0, byRole);
    }

    /** Adds an active member with this role; returns their e-mail address and id. */
    public TestMember addMember(TestWorkspace workspace, String name, WorkspaceRole role) {
        UUID userId = UUID.randomUUID();
        String email = name + "-" + SEQUENCE.incrementAndGet() + "@ws" + workspace.number() + ".test";
        db.insertInto(APP_USER)
                .set(APP_USER.ID, userId)
                .set(APP_USER.EMAIL, email)
                .set(APP_USER.DISPLAY_NAME, name + " person")
                .set(APP_USER.PASSWORD_HASH, hash())
                .execute();
        db.insertInto(WORKSPACE_MEMBER)
                .set(WORKSPACE_MEMBER.WORKSPACE_ID, workspace.id())
                .set(WORKSPACE_MEMBER.USER_ID, userId)
                .set(WORKSPACE_MEMBER.ROLE, role.name())
                .execute();
        return new TestMember(userId, email);
    }

    /** A new account in the workspace, shared as given. */
    public UUID addAccount(TestWorkspace workspace, String label, Map<UUID, AccountRole> access) {
        UUID id = UUID.randomUUID();
        db.insertInto(ACCOUNT)
                .set(ACCOUNT.ID, id)
                .set(ACCOUNT.WORKSPACE_ID, workspace.id())
                .set(ACCOUNT.APP_KEY, "github")
                .set(ACCOUNT.LABEL, label)
                .execute();
        access.forEach((userId, role) -> grant(workspace, id, userId, role));
        return id;
    }

    /**
     * Many accounts at once, for measuring lists at scale: {@code count} accounts labelled "Bulk 1"... owned by one
     * member, MFA on; every third has no codes, the others a set of ten codes with a few used. One statement per table.
     */
    public void addManyAccounts(TestWorkspace workspace, int count, UUID ownerId) {
        db.execute("""
                INSERT INTO account (id, workspace_id, app_key, label, login_name, mfa_state)
                SELECT gen_random_uuid(), ?, (ARRAY['github','google','slack','aws'])[1 + n % 4], 'Bulk ' || n,
                       'login' || n || '@example.com', 'ON'
                  FROM generate_series(1, ?) AS n""", workspace.id(), count);
        db.execute("""
                INSERT INTO account_access (workspace_id, account_id, user_id, role)
                SELECT workspace_id, id, ?, 'OWNER' FROM account WHERE workspace_id = ? AND label LIKE 'Bulk %'""", ownerId, workspace.id());
        db.execute("""
                INSERT INTO backup_code_set (id, workspace_id, account_id, format_id, code_count, unused_count, saved_by, saved_at,
                                             cipher_binding)
                SELECT gen_random_uuid(), workspace_id, id, 'generic', 10, 10 - (hashtext(label) & 15) % 11, ?,
                       now() - (hashtext(label) & 511) * interval '1 day', 2
                  FROM account WHERE workspace_id = ? AND label LIKE 'Bulk %' AND hashtext(label) % 3 <> 0""", ownerId, workspace.id());
        db.execute("""
                INSERT INTO backup_code (workspace_id, set_id, position, ciphertext, used_at)
                SELECT s.workspace_id, s.id, p, 'local:v1:bulk', CASE WHEN p > s.unused_count THEN now() END
                  FROM backup_code_set s, generate_series(1, 10) AS p WHERE s.workspace_id = ?""", workspace.id());
        db.execute("ANALYZE");
    }

    public void grant(TestWorkspace workspace, UUID accountId, UUID userId, AccountRole role) {
        db.insertInto(ACCOUNT_ACCESS)
                .set(ACCOUNT_ACCESS.WORKSPACE_ID, workspace.id())
                .set(ACCOUNT_ACCESS.ACCOUNT_ID, accountId)
                .set(ACCOUNT_ACCESS.USER_ID, userId)
                .set(ACCOUNT_ACCESS.ROLE, role.name())
                .execute();
    }

    public void deactivate(UUID workspaceId, UUID userId) {
        db.update(WORKSPACE_MEMBER)
                .set(WORKSPACE_MEMBER.STATUS, "DEACTIVATED")
                .where(WORKSPACE_MEMBER.WORKSPACE_ID.eq(workspaceId))
                .and(WORKSPACE_MEMBER.USER_ID.eq(userId))
                .execute();
    }

    /**
     * Everything a permission decision could change in these workspaces, as text: members with role and
     * status, their passwords, accounts, account access, code sets and codes, notifications and audit events. Equal snapshots mean nothing changed.
     */
    public String snapshot(UUID... workspaceIds) {
        var workspaces = java.util.List.of(workspaceIds);
        return db.select(
                                WORKSPACE_MEMBER.WORKSPACE_ID,
                                WORKSPACE_MEMBER.USER_ID,
                                WORKSPACE_MEMBER.ROLE,
                                WORKSPACE_MEMBER.STATUS,
                                APP_USER.PASSWORD_HASH)
                        .from(WORKSPACE_MEMBER)
                        .join(APP_USER)
                        .on(APP_USER.ID.eq(WORKSPACE_MEMBER.USER_ID))
                        .where(WORKSPACE_MEMBER.WORKSPACE_ID.in(workspaces))
                        .orderBy(WORKSPACE_MEMBER.WORKSPACE_ID, WORKSPACE_MEMBER.USER_ID)
                        .fetch()
                        .formatCSV()
                + db.select(ACCOUNT.ID, ACCOUNT.LABEL, ACCOUNT.VERSION, ACCOUNT.REMOVED_AT)
                        .from(ACCOUNT)
                        .where(ACCOUNT.WORKSPACE_ID.in(workspaces))
                        .orderBy(ACCOUNT.ID)
                        .fetch()
                        .formatCSV()
                + db.select(ACCOUNT_ACCESS.ACCOUNT_ID, ACCOUNT_ACCESS.USER_ID, ACCOUNT_ACCESS.ROLE)
                        .from(ACCOUNT_ACCESS)
                        .where(ACCOUNT_ACCESS.WORKSPACE_ID.in(workspaces))
                        .orderBy(ACCOUNT_ACCESS.ACCOUNT_ID, ACCOUNT_ACCESS.USER_ID)
                        .fetch()
                        .formatCSV()
                + db.select(BACKUP_CODE_SET.ID, BACKUP_CODE_SET.STATE)
                        .from(BACKUP_CODE_SET)
                        .where(BACKUP_CODE_SET.WORKSPACE_ID.in(workspaces))
                        .orderBy(BACKUP_CODE_SET.ID)
                        .fetch()
                        .formatCSV()
                + db.select(
                                BACKUP_CODE.SET_ID,
                                BACKUP_CODE.POSITION,
                                BACKUP_CODE.USED_AT,
                                BACKUP_CODE.CIPHERTEXT.isNull())
                        .from(BACKUP_CODE)
                        .where(BACKUP_CODE.WORKSPACE_ID.in(workspaces))
                        .orderBy(BACKUP_CODE.SET_ID, BACKUP_CODE.POSITION)
                        .fetch()
                        .formatCSV()
                + "notifications: " + db.fetchCount(NOTIFICATION, NOTIFICATION.WORKSPACE_ID.in(workspaces)) + "\n"
                + "audit events: " + db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.WORKSPACE_ID.in(workspaces)) + "\n"
                + "single sign-on: "
                + db.fetchCount(WORKSPACE_SSO, WORKSPACE_SSO.WORKSPACE_ID.in(workspaces));
    }

    /** The last audit action recorded in a workspace. */
    public String lastAuditAction(UUID workspaceId) {
        return db.select(AUDIT_EVENT.ACTION)
                .from(AUDIT_EVENT)
                .where(AUDIT_EVENT.WORKSPACE_ID.eq(workspaceId))
                .orderBy(AUDIT_EVENT.ID.desc())
                .limit(1)
                .fetchOne(AUDIT_EVENT.ACTION);
    }

    public String auditDetails(UUID workspaceId, String action) {
        return db.select(AUDIT_EVENT.DETAILS)
                .from(AUDIT_EVENT)
                .where(AUDIT_EVENT.WORKSPACE_ID.eq(workspaceId))
                .and(AUDIT_EVENT.ACTION.eq(action))
                .orderBy(AUDIT_EVENT.ID.desc())
                .limit(1)
                .fetchOne(AUDIT_EVENT.DETAILS)
                .data();
    }

    private synchronized String hash() {
        if (passwordHash == null) {
            passwordHash = passwords.encode(PASSWORD);
        }
        return passwordHash;
    }

    /** A member created by these fixtures. */
    public record TestMember(UUID userId, String email) {}

    /** A workspace created by these fixtures, with its member of each role. */
    public record TestWorkspace(RoleFixtures fixtures, UUID id, int number, Map<WorkspaceRole, TestMember> byRole) {

        public TestMember member(WorkspaceRole role) {
            return byRole.get(role);
        }

        public TestMember addMember(String name, WorkspaceRole role) {
            return fixtures.addMember(this, name, role);
        }

        public UUID addAccount(String label, Map<UUID, AccountRole> access) {
            return fixtures.addAccount(this, label, access);
        }
    }
}
