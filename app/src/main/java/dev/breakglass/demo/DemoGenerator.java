package dev.breakglass.demo;

import static dev.breakglass.db.Tables.ACCOUNT;
import static dev.breakglass.db.Tables.ACCOUNT_ACCESS;
import static dev.breakglass.db.Tables.APP_USER;
import static dev.breakglass.db.Tables.AUDIT_EVENT;
import static dev.breakglass.db.Tables.BACKUP_CODE;
import static dev.breakglass.db.Tables.BACKUP_CODE_SET;
import static dev.breakglass.db.Tables.WORKSPACE;
import static dev.breakglass.db.Tables.WORKSPACE_MEMBER;

import dev.breakglass.crypto.CipherBinding;
import dev.breakglass.crypto.CipherContext;
import dev.breakglass.crypto.CodeCipher;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Query;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills a new workspace for scale tests and benchmarks: members of every role, accounts shared with the workspace
 * Owner and two members each, a set of ten codes on most accounts (encrypted with the configured cipher, one call
 * per set), and an audit event per account. Rows go in by multi-row inserts of a thousand, in one transaction.
 * Everyone signs in with the demo password.
 */
@Service
public class DemoGenerator {

    private static final int ROWS_PER_INSERT = 1_000;
    private static final int CODES_PER_SET = 10;
    private static final String[] APPS = {"google", "github", "slack", "aws", "microsoft", "gitlab", "dropbox"};
    private static final String[] ROLES = {"SUPER_ADMIN", "ADMIN", "USER", "USER", "USER", "USER", "GUEST"};

    private final DSLContext db;
    private final CodeCipher cipher;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    DemoGenerator(DSLContext db, CodeCipher cipher, PasswordEncoder passwords, Clock clock) {
        this.db = db;
        this.cipher = cipher;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** What was made: the workspace and the Owner to sign in as (with {@link #password()}). */
    public record GeneratedWorkspace(UUID workspaceId, String name, String ownerEmail, int accounts, int members) {}

    /** The password of every generated member. */
    public static String password() {
        return DemoData.PASSWORD;
    }

    /**
     * Creates a workspace with {@code accounts} accounts and {@code members} members (the Owner among them).
     *
     * @throws IllegalArgumentException when a count is out of range (accounts 0 to 1,000,000; members 1 to 100,000)
     */
    @Transactional
    public GeneratedWorkspace generate(String name, int accounts, int members) {
        if (accounts < 0 || accounts > 1_000_000 || members < 1 || members > 100_000) {
            throw new IllegalArgumentException("Give between 0 and 1,000,000 accounts and between 1 and 100,000 "
                    + "members (the workspace Owner counts as one).");
        }
        UUID workspaceId = UUID.randomUUID();
        String domain = "ws-" + workspaceId.toString().substring(0, 8) + ".test";
        // The Accounts overview's counts are made once at the end, not row by row (V28).
        db.execute("SET LOCAL breakglass.coverage = 'deferred'");
        db.insertInto(WORKSPACE)
                .set(WORKSPACE.ID, workspaceId)
                .set(WORKSPACE.NAME, name)
                .execute();
        List<UUID> people = addMembers(workspaceId, domain, members);
        addAccounts(workspaceId, people, accounts);
        db.execute("SELECT member_coverage_rebuild(?)", workspaceId);
        db.execute("SET LOCAL breakglass.coverage = 'maintained'");
        return new GeneratedWorkspace(workspaceId, name, "owner@" + domain, accounts, members);
    }

    private List<UUID> addMembers(UUID workspaceId, String domain, int members) {
        String hash = passwords.encode(DemoData.PASSWORD);
        List<UUID> people = new ArrayList<>(members);
        List<Query> inserts = new ArrayList<>();
        for (int from = 0; from < members; from += ROWS_PER_INSERT) {
            int to = Math.min(members, from + ROWS_PER_INSERT);
            var users =
                    db.insertInto(APP_USER, APP_USER.ID, APP_USER.EMAIL, APP_USER.DISPLAY_NAME, APP_USER.PASSWORD_HASH);
            var memberships = db.insertInto(
                    WORKSPACE_MEMBER, WORKSPACE_MEMBER.WORKSPACE_ID, WORKSPACE_MEMBER.USER_ID, WORKSPACE_MEMBER.ROLE);
            for (int i = from; i < to; i++) {
                UUID id = UUID.randomUUID();
                people.add(id);
                boolean owner = i == 0;
                users = users.values(
                        id,
                        owner ? "owner@" + domain : "member" + i + "@" + domain,
                        owner ? "Olivia Owner" : "Member " + i,
                        hash);
                memberships = memberships.values(workspaceId, id, owner ? "OWNER" : ROLES[i % ROLES.length]);
            }
            inserts.add(users);
            inserts.add(memberships);
        }
        inserts.forEach(Query::execute);
        return people;
    }

    private void addAccounts(UUID workspaceId, List<UUID> people, int accounts) {
        UUID owner = people.get(0);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        for (int from = 0; from < accounts; from += ROWS_PER_INSERT) {
            int to = Math.min(accounts, from + ROWS_PER_INSERT);
            var accountRows = db.insertInto(
                    ACCOUNT,
                    ACCOUNT.ID,
                    ACCOUNT.WORKSPACE_ID,
                    ACCOUNT.APP_KEY,
                    ACCOUNT.LABEL,
                    ACCOUNT.LOGIN_NAME,
                    ACCOUNT.MFA_STATE,
                    ACCOUNT.CREATED_BY,
                    ACCOUNT.UPDATED_BY);
            var access = db.insertInto(
                    ACCOUNT_ACCESS,
                    ACCOUNT_ACCESS.WORKSPACE_ID,
                    ACCOUNT_ACCESS.ACCOUNT_ID,
                    ACCOUNT_ACCESS.USER_ID,
                    ACCOUNT_ACCESS.ROLE,
                    ACCOUNT_ACCESS.GRANTED_BY);
            var sets = db.insertInto(
                    BACKUP_CODE_SET,
                    BACKUP_CODE_SET.ID,
                    BACKUP_CODE_SET.WORKSPACE_ID,
                    BACKUP_CODE_SET.ACCOUNT_ID,
                    BACKUP_CODE_SET.FORMAT_ID,
                    BACKUP_CODE_SET.CODE_COUNT,
                    BACKUP_CODE_SET.UNUSED_COUNT,
                    BACKUP_CODE_SET.SAVED_BY,
                    BACKUP_CODE_SET.SAVED_AT,
                    BACKUP_CODE_SET.CIPHER_BINDING);
            var codes = db.insertInto(
                    BACKUP_CODE,
                    BACKUP_CODE.WORKSPACE_ID,
                    BACKUP_CODE.SET_ID,
                    BACKUP_CODE.POSITION,
                    BACKUP_CODE.CIPHERTEXT,
                    BACKUP_CODE.USED_AT,
                    BACKUP_CODE.USED_BY);
            var events = db.insertInto(
                    AUDIT_EVENT,
                    AUDIT_EVENT.WORKSPACE_ID,
                    AUDIT_EVENT.ACTOR_ID,
                    AUDIT_EVENT.ACTION,
                    AUDIT_EVENT.ACCOUNT_ID,
                    AUDIT_EVENT.AT,
                    AUDIT_EVENT.DETAILS);
            boolean anySet = false;
            for (int i = from; i < to; i++) {
                UUID accountId = UUID.randomUUID();
                String app = APPS[i % APPS.length];
                String label = "%s %05d".formatted(app.substring(0, 1).toUpperCase(Locale.ROOT) + app.substring(1), i);
                // a few accounts have MFA off or unknown; a third of those with MFA on have no codes yet
                String mfa = i % 17 == 0 ? "OFF" : i % 23 == 0 ? "UNKNOWN" : "ON";
                accountRows = accountRows.values(
                        accountId, workspaceId, app, label, "login" + i + "@example.com", mfa, owner, owner);
                access = access.values(workspaceId, accountId, owner, "OWNER", owner);
                if (people.size() > 1) {
                    UUID second = people.get(1 + i % (people.size() - 1));
                    access = access.values(workspaceId, accountId, second, "OWNER", owner);
                }
                if (people.size() > 2) {
                    UUID third = people.get(1 + (i * 7 + 3) % (people.size() - 1));
                    if (!third.equals(people.get(1 + i % (people.size() - 1)))) {
                        access = access.values(workspaceId, accountId, third, "COLLABORATOR", owner);
                    }
                }
                events = events.values(
                        workspaceId,
                        owner,
                        "ACCOUNT_ADDED",
                        accountId,
                        now.minusMinutes(accounts - i),
                        JSONB.valueOf("{\"label\": \"" + label + "\", \"generated\": true}"));
                if (!"OFF".equals(mfa) && i % 3 != 0) {
                    anySet = true;
                    UUID setId = UUID.randomUUID();
                    int used = i % 11 == 0 ? 9 : i % 5;
                    OffsetDateTime savedAt = now.minus(Duration.ofDays(i % 400));
                    sets = sets.values(
                            setId,
                            workspaceId,
                            accountId,
                            "generic",
                            CODES_PER_SET,
                            CODES_PER_SET - used,
                            owner,
                            savedAt,
                            (short) CipherBinding.CURRENT.number());
                    // A whole set in position order (1, 2, ...), bound the current way, as the set row says.
                    List<String> ciphertexts = cipher.encryptAll(new CipherContext(accountId, setId), newCodes());
                    for (int position = 1; position <= CODES_PER_SET; position++) {
                        boolean isUsed = position <= used;
                        codes = codes.values(
                                workspaceId,
                                setId,
                                position,
                                ciphertexts.get(position - 1),
                                isUsed ? savedAt.plusDays(1) : null,
                                isUsed ? owner : null);
                    }
                }
            }
            accountRows.execute();
            access.execute();
            if (anySet) {
                sets.execute();
                codes.execute();
            }
            events.execute();
        }
        db.execute("ANALYZE account, account_access, backup_code_set, backup_code, app_user, workspace_member, "
                + "audit_event");
    }

    private List<String> newCodes() {
        List<String> codes = new ArrayList<>(CODES_PER_SET);
        for (int i = 0; i < CODES_PER_SET; i++) {
            codes.add("%04d%04d".formatted(random.nextInt(10_000), random.nextInt(10_000)));
        }
        return codes;
    }
}
