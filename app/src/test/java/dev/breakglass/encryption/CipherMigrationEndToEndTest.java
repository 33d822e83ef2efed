package dev.breakglass.encryption;

import static dev.breakglass.db.Tables.AUTHENTICATOR_APP;
import static dev.breakglass.db.Tables.BACKUP_CODE;
import static dev.breakglass.db.Tables.BACKUP_CODE_SET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.breakglass.Application;
import dev.breakglass.backupcodes.BackupCodeService;
import dev.breakglass.backupcodes.Mismatch;
import dev.breakglass.backupcodes.RevealedCodes;
import dev.breakglass.crypto.CipherBinding;
import dev.breakglass.crypto.CipherException;
import dev.breakglass.crypto.OpenBao;
import dev.breakglass.database.CommandLineApplication;
import dev.breakglass.security.IdentityConfirmation;
import dev.breakglass.security.WorkspaceRole;
import dev.breakglass.testing.AuthenticatorApps;
import dev.breakglass.testing.Fixtures;
import dev.breakglass.testing.RoleFixtures;
import dev.breakglass.testing.RoleFixtures.TestMember;
import dev.breakglass.testing.SignIn;
import dev.breakglass.testing.TestClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * An operator's way from the embedded default to Vault, on one database: codes saved with the local
 * keyring, {@code migrate-cipher --to vault}, a key rotation in Vault, {@code rewrap}, and the same codes
 * come back when an Owner views them. Vault is a real OpenBao server set up as docs/vault.md says; Breakglass
 * uses a token with the documented policy only, and Vault's audit log counts the requests.
 */
@SpringBootTest
class CipherMigrationEndToEndTest {

    private static final List<String> CODES = List.of("4f2a1-9c3b7", "88e0d-1a2f4", "0b9c2-77d13", "e5a18-c0f62");

    @RegisterExtension
    static final OpenBao bao = OpenBao.dev();

    private static String token;

    @Autowired
    BackupCodeService service;

    @Autowired
    Fixtures fixtures;

    @Autowired
    RoleFixtures roles;

    @Autowired
    AuthenticatorApps authenticatorApps;

    @Autowired
    SignIn signIn;

    @Autowired
    DSLContext db;

    @Autowired
    Environment environment;

    @Autowired
    DataSource dataSource;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void localCodes_migratedToVault_rotatedAndRewrapped_revealTheSameCodes() throws Exception {
        fixtures.forgetAllCodes();
        fixtures.forgetAllSignInSecrets();
        TestMember member = roles.newWorkspace().member(WorkspaceRole.USER);
        String authenticatorSecret = authenticatorApps.enrol(member.email());
        UUID github = fixtures.accountId("GitHub");
        UUID slack = fixtures.accountId("Slack");
        signIn.asConfirmed("alice@acme.test");
        service.saveCodes(github, String.join("\n", CODES), Mismatch.ACCEPTED);
        signIn.asConfirmed("owner@acme.test");
        service.saveCodes(slack, "73915284\n40961234", Mismatch.ACCEPTED);
        assertThat(storedCiphertexts()).hasSize(6).allMatch(c -> c.startsWith("local:v1:"));

        long encrypts = bao.requests("transit/encrypt/breakglass");
        Run migrate = command("migrate-cipher", "--to", "vault");
        assertThat(migrate.exitCode).as(migrate.output).isZero();
        assertThat(migrate.output)
                .contains("migrate-cipher: 2 of 2 code sets done, 6 codes re-encrypted, 1 sign-in secret re-encrypted. "
                        + "Every code is done.");
        assertThat(storedCiphertexts()).hasSize(6).allMatch(c -> c.startsWith("vault:v1:"));
        assertThat(authenticatorCiphertextOf(member))
                .as("the member's authenticator secret moves too, or retiring the key file would lock them out")
                .startsWith("vault:v1:");
        assertThat(bao.requests("transit/encrypt/breakglass") - encrypts)
                .as("one batch per code set, and one for the secret")
                .isEqualTo(3);

        bao.bao("write", "-f", "transit/keys/breakglass/rotate"); // as an operator would
        long rewraps = bao.requests("transit/rewrap/breakglass");
        long decrypts = bao.requests("transit/decrypt/breakglass");
        Run rewrap = command("rewrap");
        assertThat(rewrap.exitCode).as(rewrap.output).isZero();
        assertThat(rewrap.output)
                .contains("rewrap: 2 of 2 code sets done, 6 codes re-encrypted, 1 sign-in secret re-encrypted. "
                        + "Every code is done.");
        assertThat(storedCiphertexts()).hasSize(6).allMatch(c -> c.startsWith("vault:v2:"));
        assertThat(authenticatorCiphertextOf(member)).startsWith("vault:v2:");
        assertThat(bao.requests("transit/rewrap/breakglass") - rewraps).isEqualTo(3);
        assertThat(bao.requests("transit/decrypt/breakglass") - decrypts)
                .as("rewrap never asks for plaintext")
                .isZero();

        Run again = command("rewrap");
        assertThat(again.exitCode).isZero();
        assertThat(again.output).contains("rewrap: 0 of 0 code sets done, 0 codes re-encrypted. Every code is done.");

        try (ConfigurableApplicationContext vaultMode = CommandLineApplication.withoutWebServer(Application.class)
                .run(settings().toArray(String[]::new))) {
            vaultMode.getBean(SignIn.class).asConfirmed("alice@acme.test");
            long before = bao.requests("transit/decrypt/breakglass");
            RevealedCodes revealed = vaultMode.getBean(BackupCodeService.class).revealCodes(github);
            assertThat(revealed.codes().stream().map(RevealedCodes.Code::value)).containsExactlyElementsOf(CODES);
            assertThat(bao.requests("transit/decrypt/breakglass") - before)
                    .as("one request per reveal")
                    .isEqualTo(1);

            TestClock vaultClock = vaultMode.getBean(TestClock.class);
            vaultClock.advance(Duration.ofSeconds(30)); // the step of the enrolment's code is used
            vaultMode.getBean(SignIn.class).asConfirmed(member.email());
            assertThat(vaultMode
                            .getBean(IdentityConfirmation.class)
                            .confirm(
                                    RoleFixtures.PASSWORD,
                                    AuthenticatorApps.codeAt(authenticatorSecret, vaultClock.instant()))
                            .confirmed())
                    .as("the migrated and rewrapped secret still gives the codes the member's app shows")
                    .isTrue();
        }
    }

    @Test
    void setsSealedBeforeCodesWereBoundToTheirPosition_stayReadable_andMigrateCipherRebindsThem_resumably()
            throws Exception {
        fixtures.forgetAllCodes();
        fixtures.forgetAllSignInSecrets();
        UUID github = fixtures.accountId("GitHub");
        UUID slack = fixtures.accountId("Slack");
        List<String> slackCodes = List.of("73915284", "40961234");
        signIn.as("alice@acme.test");
        service.saveCodes(github, String.join("\n", CODES), Mismatch.ACCEPTED);
        signIn.as("owner@acme.test");
        service.saveCodes(slack, String.join("\n", slackCodes), Mismatch.ACCEPTED);
        sealTheFirstWay(github, CODES);
        sealTheFirstWay(slack, slackCodes);

        try (ConfigurableApplicationContext vaultMode = vaultMode()) {
            vaultMode.getBean(SignIn.class).asConfirmed("alice@acme.test");
            assertThat(vaultMode.getBean(BackupCodeService.class).revealCodes(github).codes().stream()
                            .map(RevealedCodes.Code::value))
                    .as("a set of the first binding is read as it was sealed")
                    .containsExactlyElementsOf(CODES);
        }

        // Another transaction holds Slack's set, as a run on another instance would: this run does GitHub only.
        Run partial;
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock =
                    holder.prepareStatement("SELECT id FROM backup_code_set WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, activeSet(slack));
                lock.executeQuery().close();
            }
            partial = command("migrate-cipher", "--to", "vault");
            holder.rollback();
        }
        assertThat(partial.exitCode).as(partial.output).isEqualTo(1);
        assertThat(partial.output).contains("migrate-cipher: 1 of 2 code sets done, 4 codes re-encrypted");
        assertThat(bindingOf(github)).isEqualTo(CipherBinding.POSITION.number());
        assertThat(bindingOf(slack)).isEqualTo(CipherBinding.ACCOUNT_AND_SET.number());

        Run rest = command("migrate-cipher", "--to", "vault");
        assertThat(rest.exitCode).as(rest.output).isZero();
        assertThat(rest.output)
                .contains("migrate-cipher: 1 of 1 code sets done, 2 codes re-encrypted. Every code is done.");
        assertThat(bindingOf(slack)).isEqualTo(CipherBinding.POSITION.number());

        try (ConfigurableApplicationContext vaultMode = vaultMode()) {
            BackupCodeService vaultService = vaultMode.getBean(BackupCodeService.class);
            vaultMode.getBean(SignIn.class).asConfirmed("alice@acme.test");
            assertThat(vaultService.revealCodes(github).codes().stream().map(RevealedCodes.Code::value))
                    .containsExactlyElementsOf(CODES);
            vaultMode.getBean(SignIn.class).asConfirmed("owner@acme.test");
            assertThat(vaultService.revealCodes(slack).codes().stream().map(RevealedCodes.Code::value))
                    .containsExactlyElementsOf(slackCodes);

            // Now Vault itself tells positions apart: the first code's ciphertext copied over the second fails.
            UUID setId = activeSet(slack);
            String first = ciphertextAt(setId, 1);
            db.update(BACKUP_CODE)
                    .set(BACKUP_CODE.CIPHERTEXT, first)
                    .where(BACKUP_CODE.SET_ID.eq(setId))
                    .and(BACKUP_CODE.POSITION.eq(2))
                    .execute();
            assertThatThrownBy(() -> vaultService.revealCodes(slack))
                    .isInstanceOf(CipherException.class)
                    .hasMessageContaining("failed Vault's integrity check");
        }
    }

    @Test
    void aKeyThatIsNotDerived_stopsTheStart_withSentence() {
        bao.bao("write", "-f", "transit/keys/not-derived", "type=aes256-gcm96");
        List<String> args = new ArrayList<>(settings());
        args.add("--breakglass.vault.key=not-derived");
        args.replaceAll(arg -> arg.startsWith("--VAULT_TOKEN=") ? "--VAULT_TOKEN=" + bao.rootToken() : arg);

        assertThatThrownBy(() -> CommandLineApplication.withoutWebServer(Application.class)
                        .run(args.toArray(String[]::new))
                        .close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("The Vault key 'not-derived' is not an aes256-gcm96 key with derived=true");
    }

    @Test
    void migrateCipher_withoutATarget_explainsItsUsage() {
        Run run = command("migrate-cipher");
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.errors).contains("migrate-cipher needs --to vault or --to local.");
    }

    private Run command(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(settings());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = CiphertextCommands.run(
                Application.class,
                all.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The same database and data directory as this test's application, with Vault configured. */
    private List<String> settings() {
        if (token == null) {
            token = bao.policyTokenFor(OpenBao.KEY, false);
        }
        return List.of(
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--breakglass.data-dir=" + environment.getProperty("breakglass.data-dir"),
                "--breakglass.vault.address=" + bao.address(),
                "--VAULT_TOKEN=" + token,
                "--breakglass.demo=false");
    }

    /**
     * Seals the account's active set again as Breakglass did before codes were bound to their position (the account
     * as Vault's derivation context, the set id in a header before the code), straight through Vault's API, and
     * records that binding on the set, as the upgrade found it.
     */
    private void sealTheFirstWay(UUID accountId, List<String> codes) {
        UUID setId = activeSet(accountId);
        for (int position = 1; position <= codes.size(); position++) {
            db.update(BACKUP_CODE)
                    .set(
                            BACKUP_CODE.CIPHERTEXT,
                            bao.sealTheFirstWay(OpenBao.KEY, accountId, setId, codes.get(position - 1)))
                    .where(BACKUP_CODE.SET_ID.eq(setId))
                    .and(BACKUP_CODE.POSITION.eq(position))
                    .execute();
        }
        db.update(BACKUP_CODE_SET)
                .set(BACKUP_CODE_SET.CIPHER_BINDING, (short) CipherBinding.ACCOUNT_AND_SET.number())
                .where(BACKUP_CODE_SET.ID.eq(setId))
                .execute();
    }

    private UUID activeSet(UUID accountId) {
        return db.select(BACKUP_CODE_SET.ID)
                .from(BACKUP_CODE_SET)
                .where(BACKUP_CODE_SET.ACCOUNT_ID.eq(accountId))
                .and(BACKUP_CODE_SET.STATE.eq("ACTIVE"))
                .fetchSingle(BACKUP_CODE_SET.ID);
    }

    private int bindingOf(UUID accountId) {
        return (int) db.select(BACKUP_CODE_SET.CIPHER_BINDING)
                .from(BACKUP_CODE_SET)
                .where(BACKUP_CODE_SET.ID.eq(activeSet(accountId)))
                .fetchSingle(BACKUP_CODE_SET.CIPHER_BINDING);
    }

    private String ciphertextAt(UUID setId, int position) {
        return db.select(BACKUP_CODE.CIPHERTEXT)
                .from(BACKUP_CODE)
                .where(BACKUP_CODE.SET_ID.eq(setId))
                .and(BACKUP_CODE.POSITION.eq(position))
                .fetchSingle(BACKUP_CODE.CIPHERTEXT);
    }

    private String authenticatorCiphertextOf(TestMember member) {
        return db.select(AUTHENTICATOR_APP.SECRET_CIPHERTEXT)
                .from(AUTHENTICATOR_APP)
                .where(AUTHENTICATOR_APP.USER_ID.eq(member.userId()))
                .fetchSingle(AUTHENTICATOR_APP.SECRET_CIPHERTEXT);
    }

    private ConfigurableApplicationContext vaultMode() {
        return CommandLineApplication.withoutWebServer(Application.class)
                .run(settings().toArray(String[]::new));
    }

    private List<String> storedCiphertexts() {
        return db.select(BACKUP_CODE.CIPHERTEXT)
                .from(BACKUP_CODE)
                .where(BACKUP_CODE.CIPHERTEXT.isNotNull())
                .fetch(BACKUP_CODE.CIPHERTEXT);
    }

    private record Run(int exitCode, String output, String errors) {}
}
