package dev.breakglass.encryption;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static dev.breakglass.db.Tables.BACKUP_CODE_SET;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import dev.breakglass.backupcodes.BackupCodeService;
import dev.breakglass.backupcodes.Mismatch;
import dev.breakglass.crypto.CipherBinding;
import dev.breakglass.crypto.EncryptionKeys;
import dev.breakglass.crypto.KeyringRestore;
import dev.breakglass.testing.AuthenticatorApps;
import dev.breakglass.testing.KaribuTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The encryption admin page with the embedded default cipher warns loudly that it is not for production, counts
 * the code sets still bound the older way, and counts the sign-in secrets that move with the codes.
 */
@ExtendWith(KeyringRestore.class)
class EncryptionAdminLocalUiTest extends KaribuTest {

    @Autowired
    BackupCodeService codes;

    @Autowired
    DSLContext db;

    @Autowired
    AuthenticatorApps authenticatorApps;

    @Autowired
    EncryptionKeys keys;

    @AfterEach
    void forgetTheAuthenticatorApps() {
        fixtures.forgetAllSignInSecrets();
    }

    @Test
    void owner_isWarnedThatTheLocalKeyringIsNotForProduction() {
        loginAs("owner@acme.test");
        UI.getCurrent().navigate("admin/encryption");

        assertThat(_get(Paragraph.class, spec -> spec.withId("local-keyring-warning"))
                        .getText())
                .startsWith("Codes are encrypted with the local keyring, a key file on this server. It is for "
                        + "development and evaluation only")
                .contains("Set VAULT_ADDR");
        assertThat(_get(Paragraph.class, spec -> spec.withId("rewrap-summary")).getText())
                .isEqualTo("No codes are saved yet.");
        assertThat(_find(Paragraph.class, spec -> spec.withId("older-binding")))
                .as("shown only when some set is bound the older way")
                .isEmpty();
    }

    @Test
    void setsSavedBeforeCodesWereBoundToTheirPosition_areCounted_withTheCommandThatMovesThem() {
        loginAs("alice@acme.test");
        codes.saveCodes(fixtures.accountId("GitHub"), "11111-22222\n33333-44444", Mismatch.ACCEPTED);
        db.update(BACKUP_CODE_SET)
                .set(BACKUP_CODE_SET.CIPHER_BINDING, (short) CipherBinding.ACCOUNT_AND_SET.number())
                .execute();
        signIn.out();

        loginAs("owner@acme.test");
        UI.getCurrent().navigate("admin/encryption");

        Paragraph older = _get(Paragraph.class, spec -> spec.withId("older-binding"));
        assertThat(older.isVisible()).isTrue();
        assertThat(older.getText())
                .isEqualTo("1 code set was saved before each code was bound to its position. Run the "
                        + "migrate-cipher command once (see docs/vault.md) to bind them too; until then they stay "
                        + "readable.");
    }

    @Test
    void signInSecrets_areCountedPerKeyVersion_andTheSummaryNamesThoseLeftBehind() {
        authenticatorApps.enrol("bob@acme.test");
        loginAs("owner@acme.test");
        UI.getCurrent().navigate("admin/encryption");
        assertThat(gridRows("key-versions"))
                .singleElement()
                .satisfies(row -> assertThat(row.subList(2, 5))
                        .as("codes, sign-in secrets, status")
                        .containsExactly("0", "1", "Newest"));

        keys.rotateActiveKey();
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("admin/encryption");

        assertThat(gridRows("key-versions"))
                .singleElement()
                .satisfies(row -> assertThat(row.subList(2, 5)).containsExactly("0", "1", "To rewrap"));
        assertThat(_get(Paragraph.class, spec -> spec.withId("rewrap-summary")).getText())
                .isEqualTo("Every code is on the newest key version, but 1 sign-in secret is not: Rewrap now moves "
                        + "them.");
    }
}
