package dev.breakglass.backupcodes;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextArea;
import dev.breakglass.crypto.OpenBao;
import dev.breakglass.crypto.VaultProxy;
import dev.breakglass.encryption.CiphertextJobProgress;
import dev.breakglass.encryption.CiphertextMaintenance;
import dev.breakglass.encryption.ui.EncryptionAdminView;
import dev.breakglass.security.NotFoundException;
import dev.breakglass.testing.KaribuTest;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application with Vault transit as the cipher: one Vault request per save and per view, what the user
 * sees when Vault fails (the dialog says nothing was saved and why, the pasted text stays, no set is
 * half-saved), and the encryption admin page rotating the key and rewrapping the stored codes. Vault is a
 * real OpenBao server (raft storage, so that it can be sealed) set up as docs/vault.md says, reached through a
 * {@link VaultProxy} that can slow it down or make it vanish mid-request; the audit log counts requests.
 */
class VaultTransitUiTest extends KaribuTest {

    @RegisterExtension
    static final OpenBao bao = OpenBao.withFileStorage();

    private static final VaultProxy vault = VaultProxy.start(bao::address);
    private static String token;
    private long encrypts;
    private long decrypts;
    private long rewraps;

    @Autowired
    DSLContext db;

    @Autowired
    CiphertextMaintenance maintenance;

    @DynamicPropertySource
    static void vaultMode(DynamicPropertyRegistry registry) {
        registry.add("breakglass.vault.address", vault::address);
        registry.add("breakglass.vault.create-key", () -> "true");
        registry.add("breakglass.vault.timeout", () -> "1s");
        registry.add("VAULT_TOKEN", VaultTransitUiTest::token);
    }

    /** A token with the documented policy for create-key=true, made once the server is up. */
    private static synchronized String token() {
        if (token == null) {
            token = bao.policyTokenFor(OpenBao.KEY, true);
        }
        return token;
    }

    @BeforeEach
    void countFromHere() {
        encrypts = bao.requests("transit/encrypt/breakglass");
        decrypts = bao.requests("transit/decrypt/breakglass");
        rewraps = bao.requests("transit/rewrap/breakglass");
    }

    @AfterEach
    void healVault() {
        vault.comeBack();
        bao.unseal();
        vault.delay(0);
    }

    @AfterAll
    static void stopProxy() {
        vault.close();
    }

    @Test
    void savingAndViewing_takeOneVaultRequestEach() {
        loginConfirmedAs("alice@acme.test");
        openEmergencyControls("GitHub");
        _click(_get(Button.class, spec -> spec.withId("add-codes")));
        _setValue(_get(TextArea.class, spec -> spec.withLabel("MFA Backup Codes")), GoldenPathUiTest.GITHUB_DOWNLOAD);
        _click(_get(Button.class, spec -> spec.withId("save-codes")));

        expectNotifications("16 backup codes saved");
        assertThat(bao.requests("transit/encrypt/breakglass") - encrypts).isEqualTo(1);
        assertThat(db.fetch("select ciphertext from backup_code").getValues(0, String.class))
                .hasSize(16)
                .allMatch(ciphertext -> ciphertext.startsWith("vault:v1:"));

        _click(_get(Button.class, spec -> spec.withId("view-codes")));
        assertThat(bao.requests("transit/decrypt/breakglass") - decrypts).isEqualTo(1);
    }

    @Test
    void vaultVanishesDuringSave_dialogSaysNothingWasSaved_textStays_andNoSetIsSaved() {
        loginConfirmedAs("alice@acme.test");
        openEmergencyControls("GitHub");
        _click(_get(Button.class, spec -> spec.withId("add-codes")));
        TextArea field = _get(TextArea.class, spec -> spec.withLabel("MFA Backup Codes"));
        _setValue(field, GoldenPathUiTest.GITHUB_DOWNLOAD);
        int encryptsSent = vault.requests("/transit/encrypt/");
        vault.vanishOn("/transit/encrypt/");

        _click(_get(Button.class, spec -> spec.withId("save-codes")));

        assertThat(_get(Dialog.class).isOpened()).isTrue();
        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage())
                .isEqualTo("Nothing was saved: Vault could not be reached. Try again in a "
                        + "moment; if it keeps happening, tell your Breakglass administrator.");
        assertThat(field.getErrorMessage()).doesNotContain(token()).doesNotContain("Exception");
        assertThat(field.getValue()).isEqualTo(GoldenPathUiTest.GITHUB_DOWNLOAD);
        assertThat(vault.requests("/transit/encrypt/") - encryptsSent).isEqualTo(1);
        assertThat(setsOf("GitHub")).isZero();
        assertThat(db.fetchCount(db.selectFrom("backup_code"))).isZero();
    }

    @Test
    void slowVault_whenSaving_saysItDidNotAnswer_andKeepsTheText() {
        loginConfirmedAs("alice@acme.test");
        openEmergencyControls("Google Workspace");
        _click(_get(Button.class, spec -> spec.withId("add-codes")));
        TextArea field = _get(TextArea.class, spec -> spec.withLabel("MFA Backup Codes"));
        _setValue(field, "73915-28406\n40961234");
        vault.delay(2500);

        _click(_get(Button.class, spec -> spec.withId("save-codes")));
        _click(_get(Button.class, spec -> spec.withText("Save anyway"))); // two codes where Google issues ten

        assertThat(field.getErrorMessage()).startsWith("Nothing was saved: Vault did not answer within 1 second.");
        assertThat(field.getValue()).isEqualTo("73915-28406\n40961234");
        assertThat(setsOf("Google Workspace")).isZero();
    }

    @Test
    void sealedVault_whenViewing_saysTheCodesCannotBeShownRightNow() {
        loginConfirmedAs("alice@acme.test");
        openEmergencyControls("GitHub");
        _click(_get(Button.class, spec -> spec.withId("add-codes")));
        _setValue(_get(TextArea.class, spec -> spec.withLabel("MFA Backup Codes")), GoldenPathUiTest.GITHUB_DOWNLOAD);
        _click(_get(Button.class, spec -> spec.withId("save-codes")));
        expectNotifications("16 backup codes saved");
        bao.seal();

        _click(_get(Button.class, spec -> spec.withId("view-codes")));

        expectNotifications("The codes can't be shown right now: Vault is sealed, so it cannot encrypt or decrypt "
                + "codes right now. Ask your Vault operator to unseal it, then try again.");
        assertThat(_get(Paragraph.class, spec -> spec.withId("codes-summary")).getText())
                .startsWith("16 of 16 backup codes left");
    }

    @Test
    void owner_rotatesTheKey_andRewrapsTheCodes_fromTheEncryptionPage() throws InterruptedException {
        loginConfirmedAs("owner@acme.test");
        saveGitHubCodes();
        assertThat(_get(SideNavItem.class, spec -> spec.withPredicate(item -> "Encryption".equals(item.getLabel())))
                        .getPath())
                .isEqualTo("admin/encryption");
        UI.getCurrent().navigate("admin/encryption");

        assertThat(_get(Div.class, spec -> spec.withId("active-cipher"))
                        .getElement()
                        .getTextRecursively())
                .isEqualTo("New codes are encrypted with Vault transit.");
        assertThat(_find(Paragraph.class, spec -> spec.withId("local-keyring-warning")))
                .isEmpty();
        assertThat(gridRows("key-versions")).containsExactly(List.of("vault", "v1", "16", "0", "Newest"));
        assertThat(_get(Paragraph.class, spec -> spec.withId("rewrap-summary")).getText())
                .isEqualTo("Every code is on the newest key version.");

        _click(_get(Button.class, spec -> spec.withId("rotate-key")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        expectNotifications("The key was rotated: new codes now use vault:v2.");
        assertThat(gridRows("key-versions")).containsExactly(List.of("vault", "v1", "16", "0", "To rewrap"));
        assertThat(_get(Paragraph.class, spec -> spec.withId("rewrap-summary")).getText())
                .isEqualTo("16 codes are not on the newest key version.");

        _click(_get(Button.class, spec -> spec.withId("rewrap-now")));
        assertThat(_get(Button.class, spec -> spec.withId("rewrap-now")).isEnabled())
                .isFalse();
        waitForRewrap();
        ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));

        assertThat(gridRows("key-versions")).containsExactly(List.of("vault", "v2", "16", "0", "Newest"));
        assertThat(_get(Paragraph.class, spec -> spec.withId("rewrap-progress")).getText())
                .isEqualTo("rewrap: 1 of 1 code sets done, 16 codes re-encrypted. Every code is done.");
        assertThat(bao.requests("transit/rewrap/breakglass") - rewraps).isEqualTo(1);
        assertThat(db.fetch("select ciphertext from backup_code").getValues(0, String.class))
                .allMatch(ciphertext -> ciphertext.startsWith("vault:v2:"));
    }

    @Test
    void sealedVault_onTheEncryptionPage_saysTheNewestVersionIsUnknown() {
        loginConfirmedAs("owner@acme.test");
        saveGitHubCodes();
        bao.seal();
        UI.getCurrent().navigate("admin/encryption");

        assertThat(_get(Paragraph.class, spec -> spec.withId("cipher-problem")).getText())
                .startsWith("The newest key version could not be read: Vault is sealed");
        assertThat(gridRows("key-versions")).singleElement().satisfies(row -> {
            assertThat(row.get(0)).isEqualTo("vault");
            assertThat(row.subList(2, 5)).containsExactly("16", "0", "Unknown");
        });
        assertThat(_get(Paragraph.class, spec -> spec.withId("rewrap-summary")).getText())
                .isEmpty();
    }

    @Test
    void members_whoAreNotOwnerOrSuperAdmin_getNeitherThePageNorTheService() {
        loginConfirmedAs("alice@acme.test");
        assertThat(_find(SideNavItem.class, spec -> spec.withPredicate(item -> "Encryption".equals(item.getLabel()))))
                .isEmpty();
        UI.getCurrent().navigate("admin/encryption");
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain())
                .isNotEmpty()
                .noneMatch(EncryptionAdminView.class::isInstance);

        for (String email : List.of("alice@acme.test", "admin@acme.test")) {
            loginConfirmedAs(email);
            assertThatThrownBy(() -> maintenance.overview()).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> maintenance.rotateKey()).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> maintenance.startRewrap()).isInstanceOf(NotFoundException.class);
        }
    }

    private void saveGitHubCodes() {
        openEmergencyControls("GitHub");
        _click(_get(Button.class, spec -> spec.withId("add-codes")));
        _setValue(_get(TextArea.class, spec -> spec.withLabel("MFA Backup Codes")), GoldenPathUiTest.GITHUB_DOWNLOAD);
        _click(_get(Button.class, spec -> spec.withId("save-codes")));
        expectNotifications("16 backup codes saved");
    }

    private void waitForRewrap() throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (maintenance
                    .rewrapProgress()
                    .filter(CiphertextJobProgress::finished)
                    .isPresent()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the rewrap job did not finish");
    }

    @SuppressWarnings("unchecked")
    private int setsOf(String accountLabel) {
        UUID account = fixtures.accountId(accountLabel);
        return db.fetchCount(db.selectFrom("backup_code_set").where("account_id = ?", account));
    }
}
