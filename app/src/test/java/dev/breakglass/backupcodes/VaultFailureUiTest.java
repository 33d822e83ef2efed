package dev.breakglass.backupcodes;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.RouterLinkKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.RouterLink;
import dev.breakglass.crypto.FakeVault;
import dev.breakglass.testing.KaribuTest;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The golden path with Vault transit as the cipher, and what the user sees when Vault fails: the dialog
 * says nothing was saved and why, the pasted text stays, and no set is half-saved.
 */
class VaultFailureUiTest extends KaribuTest {

    private static final FakeVault vault = FakeVault.start();

    @Autowired
    DSLContext db;

    @DynamicPropertySource
    static void vaultMode(DynamicPropertyRegistry registry) {
        registry.add("breakglass.vault.address", vault::address);
        registry.add("breakglass.vault.create-key", () -> "true");
        registry.add("breakglass.vault.timeout", () -> "1s");
        registry.add("VAULT_TOKEN", () -> FakeVault.ROOT_TOKEN);
    }

    @BeforeEach
    void countFromHere() {
        vault.resetCounts();
    }

    @AfterEach
    void healVault() {
        vault.comeBack();
        vault.sealed(false);
        vault.delay(0);
    }

    @AfterAll
    static void stopVault() {
        vault.close();
    }

    @Test
    void savingAndViewing_takeOneVaultRequestEach() {
        loginAs("alice@acme.test");
        openEmergencyControls("GitHub");
        _click(_get(Button.class, spec -> spec.withId("add-codes")));
        _setValue(_get(TextArea.class, spec -> spec.withLabel("MFA Backup Codes")), GoldenPathUiTest.GITHUB_DOWNLOAD);
        _click(_get(Button.class, spec -> spec.withId("save-codes")));

        expectNotifications("10 backup codes saved");
        assertThat(vault.requests("encrypt")).isEqualTo(1);
        assertThat(db.fetch("select ciphertext from backup_code").getValues(0, String.class))
                .hasSize(10).allMatch(ciphertext -> ciphertext.startsWith("vault:v1:"));

        _click(_get(Button.class, spec -> spec.withId("view-codes")));
        assertThat(vault.requests("decrypt")).isEqualTo(1);
    }

    @Test
    void vaultVanishesDuringSave_dialogSaysNothingWasSaved_textStays_andNoSetIsSaved() {
        loginAs("alice@acme.test");
        openEmergencyControls("GitHub");
        _click(_get(Button.class, spec -> spec.withId("add-codes")));
        TextArea field = _get(TextArea.class, spec -> spec.withLabel("MFA Backup Codes"));
        _setValue(field, GoldenPathUiTest.GITHUB_DOWNLOAD);
        vault.vanishOn("encrypt");

        _click(_get(Button.class, spec -> spec.withId("save-codes")));

        assertThat(_get(Dialog.class).isOpened()).isTrue();
        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).isEqualTo("Nothing was saved: Vault could not be reached. Try again in a "
                + "moment; if it keeps happening, tell your Breakglass administrator.");
        assertThat(field.getErrorMessage()).doesNotContain(FakeVault.ROOT_TOKEN).doesNotContain("Exception");
        assertThat(field.getValue()).isEqualTo(GoldenPathUiTest.GITHUB_DOWNLOAD);
        assertThat(vault.requests("encrypt")).isEqualTo(1);
        assertThat(setsOf("GitHub")).isZero();
        assertThat(db.fetchCount(db.selectFrom("backup_code"))).isZero();
    }

    @Test
    void slowVault_whenSaving_saysItDidNotAnswer_andKeepsTheText() {
        loginAs("alice@acme.test");
        openEmergencyControls("Google Workspace");
        _click(_get(Button.class, spec -> spec.withId("add-codes")));
        TextArea field = _get(TextArea.class, spec -> spec.withLabel("MFA Backup Codes"));
        _setValue(field, "73915-28406\n40961234");
        vault.delay(2500);

        _click(_get(Button.class, spec -> spec.withId("save-codes")));

        assertThat(field.getErrorMessage()).startsWith("Nothing was saved: Vault did not answer within 1 second.");
        assertThat(field.getValue()).isEqualTo("73915-28406\n40961234");
        assertThat(setsOf("Google Workspace")).isZero();
    }

    @Test
    void sealedVault_whenViewing_saysTheCodesCannotBeShownRightNow() {
        loginAs("alice@acme.test");
        openEmergencyControls("GitHub");
        _click(_get(Button.class, spec -> spec.withId("add-codes")));
        _setValue(_get(TextArea.class, spec -> spec.withLabel("MFA Backup Codes")), GoldenPathUiTest.GITHUB_DOWNLOAD);
        _click(_get(Button.class, spec -> spec.withId("save-codes")));
        expectNotifications("10 backup codes saved");
        vault.sealed(true);

        _click(_get(Button.class, spec -> spec.withId("view-codes")));

        expectNotifications("The codes can't be shown right now: Vault is sealed, so it cannot encrypt or decrypt "
                + "codes right now. Ask your Vault operator to unseal it, then try again.");
        assertThat(_get(Paragraph.class, spec -> spec.withId("codes-summary")).getText()).startsWith("10 of 10 backup codes left");
    }

    private int setsOf(String accountLabel) {
        UUID account = fixtures.accountId(accountLabel);
        return db.fetchCount(db.selectFrom("backup_code_set").where("account_id = ?", account));
    }

    private static void openEmergencyControls(String label) {
        RouterLinkKt._click(_get(RouterLink.class, spec -> spec.withClasses("account-card").withAttribute("data-label", label)));
        _get(Details.class, spec -> spec.withId("emergency-controls")).setOpened(true);
    }
}
