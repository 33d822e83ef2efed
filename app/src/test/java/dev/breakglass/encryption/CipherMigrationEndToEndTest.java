package dev.breakglass.encryption;

import static dev.breakglass.db.Tables.BACKUP_CODE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.breakglass.Application;
import dev.breakglass.backupcodes.BackupCodeService;
import dev.breakglass.backupcodes.Mismatch;
import dev.breakglass.backupcodes.RevealedCodes;
import dev.breakglass.crypto.OpenBao;
import dev.breakglass.database.CommandLineApplication;
import dev.breakglass.testing.Fixtures;
import dev.breakglass.testing.SignIn;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
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
    SignIn signIn;

    @Autowired
    DSLContext db;

    @Autowired
    Environment environment;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void localCodes_migratedToVault_rotatedAndRewrapped_revealTheSameCodes() throws Exception {
        fixtures.forgetAllCodes();
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
                .contains("migrate-cipher: 2 of 2 code sets done, 6 codes re-encrypted. Every code is done.");
        assertThat(storedCiphertexts()).hasSize(6).allMatch(c -> c.startsWith("vault:v1:"));
        assertThat(bao.requests("transit/encrypt/breakglass") - encrypts).isEqualTo(2); // one batch per code set

        bao.bao("write", "-f", "transit/keys/breakglass/rotate"); // as an operator would
        long rewraps = bao.requests("transit/rewrap/breakglass");
        long decrypts = bao.requests("transit/decrypt/breakglass");
        Run rewrap = command("rewrap");
        assertThat(rewrap.exitCode).as(rewrap.output).isZero();
        assertThat(rewrap.output).contains("rewrap: 2 of 2 code sets done, 6 codes re-encrypted. Every code is done.");
        assertThat(storedCiphertexts()).hasSize(6).allMatch(c -> c.startsWith("vault:v2:"));
        assertThat(bao.requests("transit/rewrap/breakglass") - rewraps).isEqualTo(2);
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

    private List<String> storedCiphertexts() {
        return db.select(BACKUP_CODE.CIPHERTEXT)
                .from(BACKUP_CODE)
                .where(BACKUP_CODE.CIPHERTEXT.isNotNull())
                .fetch(BACKUP_CODE.CIPHERTEXT);
    }

    private record Run(int exitCode, String output, String errors) {}
}
