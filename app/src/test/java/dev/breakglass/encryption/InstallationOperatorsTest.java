package dev.breakglass.encryption;

import static dev.breakglass.db.Tables.ACCOUNT;
import static dev.breakglass.db.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.breakglass.backupcodes.BackupCodeService;
import dev.breakglass.backupcodes.Mismatch;
import dev.breakglass.crypto.KeyringRestore;
import dev.breakglass.security.InstallationOperators;
import dev.breakglass.security.NotFoundException;
import dev.breakglass.security.SignedInUser;
import dev.breakglass.security.WorkspaceRole;
import dev.breakglass.testing.Fixtures;
import dev.breakglass.testing.SignIn;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.GrantedAuthority;

/**
 * The encryption key is every workspace's, so only installation operators administer it: another workspace's Owner
 * is told the page does not exist, counts are the asking workspace's, and a rotation is recorded in every
 * workspace's audit log.
 */
@SpringBootTest
@ExtendWith(KeyringRestore.class)
class InstallationOperatorsTest {

    @Autowired
    CiphertextMaintenance maintenance;

    @Autowired
    BackupCodeService codes;

    @Autowired
    InstallationOperators operators;

    @Autowired
    Fixtures fixtures;

    @Autowired
    SignIn signIn;

    @Autowired
    DSLContext db;

    String olga;

    @BeforeEach
    void twoWorkspaces() {
        fixtures.forgetAllCodes();
        olga = fixtures.otherWorkspaceOwner();
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void anotherWorkspacesOwner_isToldThePageDoesNotExist_andCannotRotate() {
        signIn.as(olga);

        assertThatThrownBy(() -> maintenance.overview())
                .isInstanceOf(NotFoundException.class)
                .hasMessage("The page was not found.");
        assertThatThrownBy(() -> maintenance.rotateKey()).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> maintenance.startRewrap()).isInstanceOf(NotFoundException.class);
    }

    @Test
    void onlyOperators_holdTheCapability_thatShowsThePage() {
        assertThat(authorities(olga)).contains("ROLE_MANAGE_MEMBERS").doesNotContain("ROLE_ADMINISTER_ENCRYPTION");
        assertThat(authorities("owner@acme.test")).contains("ROLE_ADMINISTER_ENCRYPTION");
        assertThat(authorities("alice@acme.test")).doesNotContain("ROLE_ADMINISTER_ENCRYPTION");
    }

    @Test
    void theOverview_countsTheAskingWorkspacesCodesOnly() {
        signIn.as(olga);
        codes.saveCodes(
                db.select(ACCOUNT.ID)
                        .from(ACCOUNT)
                        .where(ACCOUNT.LABEL.eq("Globex GitHub"))
                        .fetchSingle(ACCOUNT.ID),
                "11111-22222\n33333-44444\n55555-66666",
                Mismatch.ACCEPTED);
        signIn.as("alice@acme.test");
        codes.saveCodes(fixtures.accountId("GitHub"), "77777-88888\n99999-00000", Mismatch.ACCEPTED);

        signIn.as("owner@acme.test");
        EncryptionOverview overview = maintenance.overview();

        assertThat(overview.versions())
                .extracting(EncryptionOverview.VersionCount::codes)
                .containsExactly(2);
    }

    @Test
    void aRotation_isRecordedInEveryWorkspacesAuditLog() {
        UUID acme = fixtures.workspaceId("Acme");
        UUID globex = fixtures.workspaceId("Globex");
        int acmeBefore = rotationsIn(acme);
        int globexBefore = rotationsIn(globex);

        signIn.as("owner@acme.test");
        maintenance.rotateKey();

        assertThat(rotationsIn(acme)).isEqualTo(acmeBefore + 1);
        assertThat(rotationsIn(globex)).isEqualTo(globexBefore + 1);
    }

    @Test
    void namedOperators_replaceTheFirstWorkspacesOwners() {
        UUID acme = fixtures.workspaceId("Acme");
        InstallationOperators named = new InstallationOperators(db, List.of(" Bob@Acme.test "));
        SignedInUser bob =
                new SignedInUser(fixtures.userId("bob@acme.test"), acme, "bob@acme.test", "Bob", WorkspaceRole.USER);
        SignedInUser owner = new SignedInUser(
                fixtures.userId("owner@acme.test"), acme, "owner@acme.test", "Olivia", WorkspaceRole.OWNER);

        assertThat(named.includes(bob, WorkspaceRole.USER)).isTrue();
        assertThat(named.includes(owner, WorkspaceRole.OWNER)).isFalse();
        assertThat(operators.includes(owner, WorkspaceRole.OWNER))
                .as("nobody named: the first workspace's Owner")
                .isTrue();
        assertThat(operators.includes(owner, WorkspaceRole.ADMIN)).isFalse();
    }

    private int rotationsIn(UUID workspaceId) {
        return db.fetchCount(
                AUDIT_EVENT,
                AUDIT_EVENT.WORKSPACE_ID.eq(workspaceId).and(AUDIT_EVENT.ACTION.eq("ENCRYPTION_KEY_ROTATED")));
    }

    private List<String> authorities(String email) {
        return signIn.as(email).getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .toList();
    }
}
