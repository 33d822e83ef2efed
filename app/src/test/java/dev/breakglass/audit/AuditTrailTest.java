package dev.breakglass.audit;

import static dev.breakglass.db.Tables.BACKUP_CODE;
import static dev.breakglass.db.Tables.BACKUP_CODE_SET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.breakglass.backupcodes.BackupCodeService;
import dev.breakglass.backupcodes.Mismatch;
import dev.breakglass.crypto.CipherException;
import dev.breakglass.crypto.KeyringRestore;
import dev.breakglass.testing.Fixtures;
import dev.breakglass.testing.SignIn;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.security.access.AccessDeniedException;

/** The audit table is append only in the database itself, and its hash chain shows tampering. */
@SpringBootTest
class AuditTrailTest {

    @Autowired
    DSLContext db;

    @Autowired
    AuditLog auditLog;

    @Autowired
    AuditExport export;

    @Autowired
    BackupCodeService codes;

    @Autowired
    Fixtures fixtures;

    @Autowired
    dev.breakglass.encryption.CiphertextMaintenance maintenance;

    @Autowired
    SignIn signIn;

    UUID slack;

    @BeforeEach
    void ownerSavesAndViewsSlackCodes() {
        fixtures.forgetAllCodes();
        slack = fixtures.accountId("Slack");
        signIn.asConfirmed("owner@acme.test");
        codes.saveCodes(slack, "12345-67890\n09876-54321\n", Mismatch.ACCEPTED);
        codes.revealCodes(slack);
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void updateAndDelete_onTheAuditTable_areRefusedByTheDatabase() {
        assertThatThrownBy(() -> db.execute("update audit_event set action = 'NOTHING'"))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append only");
        assertThatThrownBy(() -> db.execute("delete from audit_event"))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append only");
        assertThatThrownBy(() -> db.execute("truncate audit_event"))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append only");
    }

    @Test
    void chain_isIntact_untilAnEventIsTamperedWith() {
        ChainCheck before = auditLog.verifyChain();
        assertThat(before.intact()).isTrue();
        assertThat(before.eventsChecked()).isGreaterThanOrEqualTo(2);

        long seq = auditLog.search(new AuditFilter(null, "CODES_SAVED", slack, null, null), 0, 1)
                .get(0)
                .seq();
        String original = db.fetchValue(
                        "select details::text from audit_event e join workspace w on w.id = e.workspace_id "
                                + "where w.name = 'Acme' and e.seq = ?",
                        seq)
                .toString();
        // Someone with database superuser rights switches the guard off and rewrites history.
        tamper(seq, "{\"codes\": 1}");
        try {
            ChainCheck after = auditLog.verifyChain();
            assertThat(after.intact()).isFalse();
            assertThat(after.firstBrokenSeq()).isEqualTo(seq);
        } finally {
            tamper(seq, original);
        }
        assertThat(auditLog.verifyChain().intact()).isTrue();
    }

    @Test
    void auditDetails_carryCountsButNeverCodes() {
        List<AuditEntry> entries = auditLog.search(new AuditFilter(null, null, slack, null, null), 0, 10);

        assertThat(entries).extracting(AuditEntry::action).startsWith("CODES_REVEALED", "CODES_SAVED");
        assertThat(entries).extracting(AuditEntry::details).noneMatch(d -> d.contains("12345") || d.contains("54321"));
    }

    @Test
    void codesThatFailToDecrypt_areAudited_withTheReasonButNoCode_andNoCodeIsTaken() {
        UUID setId = db.select(BACKUP_CODE_SET.ID)
                .from(BACKUP_CODE_SET)
                .where(BACKUP_CODE_SET.ACCOUNT_ID.eq(slack))
                .and(BACKUP_CODE_SET.STATE.eq("ACTIVE"))
                .fetchSingle(BACKUP_CODE_SET.ID);
        // The two codes' ciphertexts swapped, as a careless restore or an attacker with the database might.
        db.execute(
                "UPDATE backup_code SET ciphertext = (SELECT ciphertext FROM backup_code o WHERE o.set_id = ?"
                        + " AND o.position = 3 - backup_code.position) WHERE set_id = ?",
                setId,
                setId);

        assertThatThrownBy(() -> codes.revealCodes(slack)).isInstanceOf(CipherException.class);
        assertThatThrownBy(() -> codes.useNextCode(slack)).isInstanceOf(CipherException.class);

        List<AuditEntry> unreadable =
                auditLog.search(new AuditFilter(null, "CODES_UNREADABLE", slack, null, null), 0, 10);
        assertThat(unreadable).hasSize(2);
        assertThat(unreadable.get(0).details()).contains("using the next code").contains("integrity check");
        assertThat(unreadable.get(1).details()).contains("viewing codes").contains("integrity check");
        assertThat(unreadable)
                .extracting(AuditEntry::details)
                .noneMatch(d -> d.contains("12345") || d.contains("54321"));
        assertThat(unreadable.get(0).actionLabel()).isEqualTo("Codes could not be decrypted");
        assertThat(db.fetchCount(BACKUP_CODE, BACKUP_CODE.SET_ID.eq(setId).and(BACKUP_CODE.USED_AT.isNotNull())))
                .as("a code that could not be decrypted is not handed out")
                .isZero();
    }

    @Test
    void export_writesCsvAndJsonLines_forTheFilteredEvents() {
        UUID owner = fixtures.userId("owner@acme.test");
        AuditFilter filter = new AuditFilter(owner, "CODES_REVEALED", slack, null, null);
        int expected = auditLog.count(filter);
        AuditFilter exports = new AuditFilter(null, "AUDIT_LOG_EXPORTED", null, null, null);
        int exportsBefore = auditLog.count(exports);

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        export.writeCsv(filter, csv);
        ByteArrayOutputStream jsonl = new ByteArrayOutputStream();
        export.writeJsonLines(filter, jsonl);

        List<String> csvLines = csv.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(csvLines.get(0)).isEqualTo("seq,at,actor,actor_id,action,account,account_id,details");
        assertThat(csvLines).hasSize(expected + 1);
        assertThat(csvLines.subList(1, csvLines.size()))
                .allMatch(line -> line.contains("Olivia Owner") && line.contains("CODES_REVEALED"));
        List<String> jsonLines = jsonl.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(jsonLines)
                .hasSize(expected)
                .allMatch(line -> line.startsWith("{\"seq\":") && line.contains("\"action\":\"CODES_REVEALED\""));
        assertThat(auditLog.search(exports, 0, 2))
                .as("each copy taken of the log is itself in the log, with how many rows it held")
                .hasSize(Math.min(2, exportsBefore + 2))
                .allMatch(entry -> entry.details().contains("\"rows\": " + expected));
        assertThat(auditLog.count(exports)).isEqualTo(exportsBefore + 2);
    }

    @Test
    void theWorkspaceLog_isForAdminsOnly() {
        signIn.asConfirmed("alice@acme.test");

        assertThatThrownBy(() -> auditLog.search(AuditFilter.everything(), 0, 10))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> auditLog.verifyChain()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> auditLog.recordExport("csv", 1)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void accountActivity_isForTheAccountsOwners() {
        signIn.asConfirmed("alice@acme.test");
        assertThatThrownBy(() -> auditLog.accountActivity(slack, 0, 10))
                .isInstanceOf(dev.breakglass.security.NotFoundException.class);

        signIn.asConfirmed("owner@acme.test");
        assertThat(auditLog.accountActivity(slack, 0, 10))
                .extracting(AuditEntry::actionLabel)
                .startsWith("Viewed codes", "Saved codes");
    }

    @Test
    @ExtendWith(KeyringRestore.class) // the rotation is undone afterwards: the other tests share this context
    void keyRotation_isAudited() {
        maintenance.rotateKey();

        assertThat(auditLog.search(new AuditFilter(null, "ENCRYPTION_KEY_ROTATED", null, null, null), 0, 1))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.actorName()).isEqualTo("Olivia Owner");
                    assertThat(entry.details()).contains("\"cipher\"").contains("\"version\"");
                });
    }

    private void tamper(long seq, String details) {
        db.transaction(tx -> {
            tx.dsl().execute("alter table audit_event disable trigger audit_event_append_only");
            tx.dsl()
                    .execute(
                            "update audit_event set details = ?::jsonb where seq = ? and workspace_id = "
                                    + "(select id from workspace where name = 'Acme')",
                            details,
                            seq);
            tx.dsl().execute("alter table audit_event enable trigger audit_event_append_only");
        });
    }
}
