package dev.breakglass.crypto;

import static dev.breakglass.db.Tables.LOCAL_KEY_CHECK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.breakglass.Application;
import dev.breakglass.backupcodes.BackupCodeService;
import dev.breakglass.backupcodes.Mismatch;
import dev.breakglass.database.CommandLineApplication;
import dev.breakglass.testing.Fixtures;
import dev.breakglass.testing.SignIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The key file must fit the stored codes: a missing file, another installation's file or an older copy stops
 * Breakglass instead of a new key being made silently. Each case runs in a transaction that is rolled back, so the
 * shared database keeps its own key-check values.
 */
@SpringBootTest
class LocalKeyCheckTest {

    @TempDir
    Path dir;

    @Autowired
    DSLContext db;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    CryptoConfiguration.LocalKeyringSource appKeyring;

    @Autowired
    BackupCodeService codes;

    @Autowired
    Fixtures fixtures;

    @Autowired
    SignIn signIn;

    @Autowired
    Environment environment;

    private final SecureRandom random = new SecureRandom();

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void theAppsOwnKeyFile_hasItsCheckValueRecorded() {
        Path file = appKeyring.openOrCreate().keyring().file();

        assertThat(db.fetchValue(LOCAL_KEY_CHECK.CHECK_VALUE, LOCAL_KEY_CHECK.KEY_VERSION.eq(1)))
                .hasSize(64)
                .isEqualTo(LocalKeyCheck.checkValue(
                        LocalKeyring.openOrCreate(file, random).key(1)));
    }

    @Test
    void aMissingKeyFile_isNotReplaced_whenCodesWereEncryptedBefore() {
        Path missing = dir.resolve("keyring.json");

        inRolledBackTransaction(check -> assertThatThrownBy(() -> LocalKeyring.openOrCreate(missing, random, check))
                .isInstanceOf(LocalKeyCheck.KeyFileMismatchException.class)
                .hasMessageStartingWith("The local key file " + missing + " is missing, but stored codes were "
                        + "encrypted with it (key version 1). Restore the key file from your backup"));
        assertThat(missing).doesNotExist();
    }

    @Test
    void anotherInstallationsKeyFile_isRefused() {
        Path foreign = dir.resolve("foreign.json");
        LocalKeyring.openOrCreate(foreign, random); // a fresh key, as another installation would have

        inRolledBackTransaction(check -> assertThatThrownBy(() -> LocalKeyring.openOrCreate(foreign, random, check))
                .isInstanceOf(LocalKeyCheck.KeyFileMismatchException.class)
                .hasMessageContaining(
                        "holds a different key version 1 than the one the stored codes were " + "encrypted with"));
    }

    @Test
    void anOlderCopyOfTheKeyFile_withoutTheNewestVersion_isRefused() throws Exception {
        Path copy = copyOfTheAppsKeyFile();

        inRolledBackTransaction(check -> {
            Path newer = dir.resolve("newer.json");
            copyTo(copy, newer);
            LocalKeyring.openOrCreate(newer, random, check).rotate(); // version 2 is recorded, the copy lacks it

            assertThatThrownBy(() -> LocalKeyring.openOrCreate(copy, random, check))
                    .isInstanceOf(LocalKeyCheck.KeyFileMismatchException.class)
                    .hasMessageContaining("has no key version 2, which stored codes were encrypted with: it may be "
                            + "an older copy");
        });
    }

    @Test
    void theRightKeyFile_opens_andARotationRecordsTheNewVersion() throws Exception {
        Path copy = copyOfTheAppsKeyFile();

        inRolledBackTransaction(check -> {
            LocalKeyring keyring = LocalKeyring.openOrCreate(copy, random, check);
            int rotated = keyring.rotate();

            assertThat(db.fetchValue(LOCAL_KEY_CHECK.CHECK_VALUE, LOCAL_KEY_CHECK.KEY_VERSION.eq(rotated)))
                    .isEqualTo(LocalKeyCheck.checkValue(keyring.key(rotated)));
            assertThat(LocalKeyring.openOrCreate(copy, random, check).currentVersion())
                    .isEqualTo(rotated);
        });
    }

    @Test
    void aStartWithoutTheKeyFile_stopsWithASentence_andMakesNoKey() {
        signIn.as("alice@acme.test");
        codes.saveCodes(fixtures.accountId("GitHub"), "11111-22222\n33333-44444", Mismatch.ACCEPTED);
        Path emptyDataDir = dir.resolve("data");

        assertThatThrownBy(() -> CommandLineApplication.withoutWebServer(Application.class)
                        .run(
                                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                                "--spring.datasource.username=postgres",
                                "--spring.datasource.password=",
                                "--breakglass.data-dir=" + emptyDataDir,
                                "--breakglass.demo=false")
                        .close())
                .rootCause()
                .isInstanceOf(LocalKeyCheck.KeyFileMismatchException.class)
                .hasMessageContaining("keyring.json is missing, but stored codes were encrypted with it");
        assertThat(emptyDataDir.resolve("keyring.json")).doesNotExist();
    }

    private Path copyOfTheAppsKeyFile() throws Exception {
        Path copy = dir.resolve("copy.json");
        copyTo(appKeyring.openOrCreate().keyring().file(), copy);
        return copy;
    }

    private static void copyTo(Path from, Path to) {
        try {
            Files.copy(from, to);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void inRolledBackTransaction(Consumer<LocalKeyCheck> test) {
        transaction.executeWithoutResult(status -> {
            try {
                test.accept(new LocalKeyCheck(db));
            } finally {
                status.setRollbackOnly();
            }
        });
    }
}
