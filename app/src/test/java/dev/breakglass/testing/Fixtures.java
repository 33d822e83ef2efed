package dev.breakglass.testing;

import static dev.breakglass.db.Tables.ACCOUNT;
import static dev.breakglass.db.Tables.ACCOUNT_ACCESS;
import static dev.breakglass.db.Tables.APP_USER;
import static dev.breakglass.db.Tables.AUTHENTICATOR_APP;
import static dev.breakglass.db.Tables.BACKUP_CODE;
import static dev.breakglass.db.Tables.BACKUP_CODE_SET;
import static dev.breakglass.db.Tables.CODE_REQUEST;
import static dev.breakglass.db.Tables.CODE_REQUEST_POLICY;
import static dev.breakglass.db.Tables.MAIL_OUTBOX;
import static dev.breakglass.db.Tables.MAIL_PREFERENCE;
import static dev.breakglass.db.Tables.NOTIFICATION;
import static dev.breakglass.db.Tables.WORKSPACE;
import static dev.breakglass.db.Tables.WORKSPACE_MEMBER;
import static dev.breakglass.db.Tables.WORKSPACE_SSO;

import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Test data beyond the demo workspace, and ways back to a known state. The one place tests touch tables
 * directly.
 */
@Component
public class Fixtures {

    private final DSLContext db;
    private final PasswordEncoder passwords;

    Fixtures(DSLContext db, PasswordEncoder passwords) {
        this.db = db;
        this.passwords = passwords;
    }

    /** The id of the demo account with this label, in workspace Acme. */
    public UUID accountId(String label) {
        return db.select(ACCOUNT.ID)
                .from(ACCOUNT)
                .join(WORKSPACE)
                .on(WORKSPACE.ID.eq(ACCOUNT.WORKSPACE_ID))
                .where(ACCOUNT.LABEL.eq(label))
                .and(WORKSPACE.NAME.eq("Acme"))
                .fetchSingle(ACCOUNT.ID);
    }

    public UUID userId(String email) {
        return db.select(APP_USER.ID)
                .from(APP_USER)
                .where(APP_USER.EMAIL.eq(email))
                .fetchSingle(APP_USER.ID);
    }

    /**
     * Removes every saved code set, break-glass request, notification and e-mail (queued or chosen), so each test
     * starts with accounts that have no codes.
     */
    public void forgetAllCodes() {
        db.deleteFrom(CODE_REQUEST).execute();
        db.deleteFrom(CODE_REQUEST_POLICY).execute();
        db.deleteFrom(MAIL_OUTBOX).execute();
        db.deleteFrom(MAIL_PREFERENCE).execute();
        db.deleteFrom(BACKUP_CODE_SET).execute();
        db.deleteFrom(NOTIFICATION).execute();
    }

    /**
     * Removes every authenticator app and single sign-on set-up, for a test of the encryption jobs: those secrets
     * are moved with the codes, and ones that other tests left under another cipher would make a run incomplete.
     */
    public void forgetAllSignInSecrets() {
        db.deleteFrom(AUTHENTICATOR_APP).execute();
        db.deleteFrom(WORKSPACE_SSO).execute();
    }

    /** How many ciphertexts of the account's codes, of any set, are still stored. */
    public int storedCiphertexts(UUID accountId) {
        return db.fetchCount(
                BACKUP_CODE.join(BACKUP_CODE_SET).on(BACKUP_CODE_SET.ID.eq(BACKUP_CODE.SET_ID)),
                BACKUP_CODE_SET.ACCOUNT_ID.eq(accountId).and(BACKUP_CODE.CIPHERTEXT.isNotNull()));
    }

    /**
     * Empties the database back to a first run: no workspace, no login, no audit event. Only for test contexts
     * without the demo data ({@link EmptyDatabaseTest}); the audit log's append-only triggers are bypassed for it.
     */
    public void removeAllWorkspaces() {
        db.transaction(transaction -> {
            transaction.dsl().execute("SET LOCAL session_replication_role = replica");
            transaction.dsl().truncate(WORKSPACE, APP_USER).cascade().execute();
        });
    }

    /** Makes the account's saved codes look as if they were saved this many days ago. */
    public void backdateCodes(String accountLabel, int days) {
        db.update(BACKUP_CODE_SET)
                .set(BACKUP_CODE_SET.SAVED_AT, BACKUP_CODE_SET.SAVED_AT.minus(days))
                .where(BACKUP_CODE_SET.ACCOUNT_ID.eq(accountId(accountLabel)))
                .and(BACKUP_CODE_SET.STATE.eq("ACTIVE"))
                .execute();
    }

    /** The id of the workspace with this name. */
    public UUID workspaceId(String name) {
        return db.select(WORKSPACE.ID)
                .from(WORKSPACE)
                .where(WORKSPACE.NAME.eq(name))
                .fetchSingle(WORKSPACE.ID);
    }

    /**
     * A second workspace, "Globex", with one member (a workspace Owner who owns one account), for tests that
     * try ids across workspaces. Created once; returns the member's e-mail address.
     */
    public String otherWorkspaceOwner() {
        String email = "olga@globex.test";
        if (db.fetchExists(APP_USER, APP_USER.EMAIL.eq(email))) {
            return email;
        }
        UUID workspace = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        UUID account = UUID.randomUUID();
        db.insertInto(WORKSPACE)
                .set(WORKSPACE.ID, workspace)
                .set(WORKSPACE.NAME, "Globex")
                .execute();
        db.insertInto(APP_USER)
                .set(APP_USER.ID, user)
                .set(APP_USER.EMAIL, email)
                .set(APP_USER.DISPLAY_NAME, "Olga Other")
                .set(APP_USER.PASSWORD_HASH, passwords.encode("globex-password"))
                .execute();
        db.insertInto(WORKSPACE_MEMBER)
                .set(WORKSPACE_MEMBER.WORKSPACE_ID, workspace)
                .set(WORKSPACE_MEMBER.USER_ID, user)
                .set(WORKSPACE_MEMBER.ROLE, "OWNER")
                .execute();
        db.insertInto(ACCOUNT)
                .set(ACCOUNT.ID, account)
                .set(ACCOUNT.WORKSPACE_ID, workspace)
                .set(ACCOUNT.APP_KEY, "github")
                .set(ACCOUNT.LABEL, "Globex GitHub")
                .execute();
        db.insertInto(ACCOUNT_ACCESS)
                .set(ACCOUNT_ACCESS.WORKSPACE_ID, workspace)
                .set(ACCOUNT_ACCESS.ACCOUNT_ID, account)
                .set(ACCOUNT_ACCESS.USER_ID, user)
                .set(ACCOUNT_ACCESS.ROLE, "OWNER")
                .execute();
        return email;
    }
}
