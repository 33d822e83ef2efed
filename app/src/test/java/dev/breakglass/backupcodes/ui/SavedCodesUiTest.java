package dev.breakglass.backupcodes.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import dev.breakglass.backupcodes.BackupCodeService;
import dev.breakglass.backupcodes.Mismatch;
import dev.breakglass.testing.KaribuTest;
import dev.breakglass.testing.SignIn;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Living with saved codes in the UI: reveal, use, undo, replace, delete, history. */
class SavedCodesUiTest extends KaribuTest {

    static final String CODES = """
            11111-aaaaa
            22222-bbbbb
            33333-ccccc
            44444-ddddd
            """;

    @Autowired
    BackupCodeService service;

    @Autowired
    SignIn signIn;

    @BeforeEach
    void aliceSavedGitHubCodes() {
        signIn.asConfirmed("alice@acme.test");
        service.saveCodes(fixtures.accountId("GitHub"), CODES, Mismatch.ACCEPTED);
    }

    @Test
    void reveal_rightAfterSignIn_asksToConfirmFirst_thenNotAgainWithinFiveMinutes() {
        loginAs("owner@acme.test"); // signing in is no step-up
        openAccount("GitHub");

        _click(_get(Button.class, spec -> spec.withId("view-codes")));
        assertThat(_find(Div.class, spec -> spec.withId("revealed-codes"))).isEmpty();
        _setValue(_get(PasswordField.class, spec -> spec.withId("confirm-password")), "breakglass-demo");
        _click(_get(Button.class, spec -> spec.withId("confirm-identity")));
        assertThat(shownCodes()).containsExactly("11111-aaaaa", "22222-bbbbb", "33333-ccccc", "44444-ddddd");
        _get(ViewCodesDialog.class).close();

        clock.advance(Duration.ofMinutes(4));
        _click(_get(Button.class, spec -> spec.withId("view-codes")));

        assertThat(_find(PasswordField.class, spec -> spec.withId("confirm-password")))
                .isEmpty();
        assertThat(shownCodes()).hasSize(4);
    }

    @Test
    void reveal_afterTheConfirmationExpired_asksForThePasswordFirst() {
        openGitHubAs("owner@acme.test");
        clock.advance(Duration.ofMinutes(6));

        _click(_get(Button.class, spec -> spec.withId("view-codes")));
        assertThat(_find(Div.class, spec -> spec.withId("revealed-codes"))).isEmpty();
        PasswordField password = _get(PasswordField.class, spec -> spec.withId("confirm-password"));

        _setValue(password, "not-my-password");
        _click(_get(Button.class, spec -> spec.withId("confirm-identity")));
        assertThat(password.isInvalid()).isTrue();
        assertThat(_find(Div.class, spec -> spec.withId("revealed-codes"))).isEmpty();

        _setValue(password, "breakglass-demo");
        _click(_get(Button.class, spec -> spec.withId("confirm-identity")));
        assertThat(shownCodes()).hasSize(4);
    }

    @Test
    void markUsed_keepsTheRowInPlace_struckThrough_movesItDownNextTime_andUndoBringsItBack() {
        openGitHubAs("alice@acme.test");
        _click(_get(Button.class, spec -> spec.withId("view-codes")));

        _click(_find(Button.class, spec -> spec.withClasses("mark-used")).get(0));

        // The row stays under the pointer while the dialog is open (issue: a double click marked two codes).
        assertThat(shownCodes()).containsExactly("11111-aaaaa", "22222-bbbbb", "33333-ccccc", "44444-ddddd");
        Div used = _get(Div.class, spec -> spec.withClasses("code used"));
        assertThat(_get(used, Span.class, spec -> spec.withClasses("code-used")).getText())
                .contains("used")
                .contains("by Alice Example"); // one form, also for one's own marks
        _click(_get(Button.class, spec -> spec.withId("close-view-codes")));
        assertThat(summary()).startsWith("3 of 4 backup codes left");

        _click(_get(Button.class, spec -> spec.withId("view-codes")));
        assertThat(shownCodes()).containsExactly("22222-bbbbb", "33333-ccccc", "44444-ddddd", "11111-aaaaa");
        assertThat(_get(Span.class, spec -> spec.withClasses("code-used")).getText())
                .contains("by Alice Example");
        _click(_get(Button.class, spec -> spec.withClasses("mark-unused")));
        assertThat(shownCodes()).containsExactly("22222-bbbbb", "33333-ccccc", "44444-ddddd", "11111-aaaaa");
        assertThat(_find(Div.class, spec -> spec.withClasses("code used"))).isEmpty();
    }

    @Test
    void markUsed_doubleClicked_marksOnlyTheCodeUnderThePointer_once() {
        openGitHubAs("alice@acme.test");
        _click(_get(Button.class, spec -> spec.withId("view-codes")));

        // A double click: the first click, then a second one (click count 2) on what is now under the pointer.
        _click(markButtonOfRow(0));
        doubleClickSecondHalf(markButtonOfRow(0));

        assertThat(shownCodes()).containsExactly("11111-aaaaa", "22222-bbbbb", "33333-ccccc", "44444-ddddd");
        assertThat(_find(Div.class, spec -> spec.withClasses("code used")))
                .singleElement()
                .extracting(row -> row.getElement().getAttribute("data-position"))
                .isEqualTo("1");
        _click(_get(Button.class, spec -> spec.withId("close-view-codes")));
        assertThat(summary()).startsWith("3 of 4 backup codes left");
    }

    /** The button of the n-th row as shown, whatever it says now (Mark used or Mark unused). */
    private static Button markButtonOfRow(int index) {
        Div row = _find(Div.class, spec -> spec.withClasses("code")).get(index);
        return _get(
                row,
                Button.class,
                spec -> spec.withPredicate(
                        button -> button.hasClassName("mark-used") || button.hasClassName("mark-unused")));
    }

    private static void doubleClickSecondHalf(Button button) {
        com.vaadin.flow.component.ComponentUtil.fireEvent(
                button,
                new com.vaadin.flow.component.ClickEvent<>(button, true, 0, 0, 0, 0, 2, 0, false, false, false, false));
    }

    @Test
    void codes_leaveThePage_afterAMinuteWithoutActivity() {
        openGitHubAs("alice@acme.test");
        _click(_get(Button.class, spec -> spec.withId("view-codes")));
        CodeList codes = _get(CodeList.class);

        codes.idle();

        assertThat(_find(CodeList.class)).isEmpty();
        assertThat(_find(Dialog.class).stream().filter(Dialog::isOpened)).isEmpty();
    }

    @Test
    void useNextCode_handsOutTheFirstUnusedCode_andUndoReturnsIt() {
        openGitHubAs("alice@acme.test");

        _click(_get(Button.class, spec -> spec.withId("use-next-code")));

        assertThat(_get(Div.class, spec -> spec.withId("handed-out-code")).getText())
                .isEqualTo("11111-aaaaa");
        assertThat(summary()).startsWith("3 of 4 backup codes left");
        _click(_get(Button.class, spec -> spec.withId("close-use-code")));

        _click(_get(Button.class, spec -> spec.withId("use-next-code")));
        assertThat(_get(Div.class, spec -> spec.withId("handed-out-code")).getText())
                .isEqualTo("22222-bbbbb");
        _click(_get(Button.class, spec -> spec.withId("undo-use")));
        assertThat(summary()).startsWith("3 of 4 backup codes left");
    }

    @Test
    void lowOnCodes_showsAWarning() {
        openGitHubAs("alice@acme.test");
        assertThat(_find(Div.class, spec -> spec.withId("low-codes-warning"))).isEmpty();

        _click(_get(Button.class, spec -> spec.withId("use-next-code")));
        _click(_get(Button.class, spec -> spec.withId("close-use-code")));
        _click(_get(Button.class, spec -> spec.withId("use-next-code")));
        _click(_get(Button.class, spec -> spec.withId("close-use-code")));

        assertThat(_get(Div.class, spec -> spec.withId("low-codes-warning")).getText())
                .contains("Only 2 unused codes are left");
        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("new-codes-page"))
                        .getHref())
                .startsWith("https://github.com/");
    }

    @Test
    void codes_areShownInTheAppsOwnForm() {
        signIn.asConfirmed("alice@acme.test");
        service.saveCodes(fixtures.accountId("Google Workspace"), """
                SAVE YOUR BACKUP CODES
                1. 6165 1728    3. 3720 7276
                2. 6233 5735    4. 3087 3821
                """, Mismatch.ACCEPTED);
        loginConfirmedAs("alice@acme.test");
        openAccount("Google Workspace");

        _click(_get(Button.class, spec -> spec.withId("view-codes")));

        assertThat(shownCodes()).containsExactly("6165 1728", "6233 5735", "3720 7276", "3087 3821");
    }

    @Test
    void replace_keepsHistory_andTheNewCodesAreShown() {
        openGitHubAs("alice@acme.test");
        _click(_get(Button.class, spec -> spec.withId("use-next-code")));
        _click(_get(Button.class, spec -> spec.withId("close-use-code")));

        _click(_get(Button.class, spec -> spec.withId("replace-codes")));
        assertThat(_get(Dialog.class, spec -> spec.withPredicate(Dialog::isOpened))
                        .getHeaderTitle())
                .isEqualTo("Replace MFA Backup Codes");
        _setValue(_get(TextArea.class, spec -> spec.withLabel("MFA Backup Codes")), "55555-eeeee\n66666-fffff\n");
        _click(_get(Button.class, spec -> spec.withId("replace-codes-save")));
        // Two codes where GitHub issues 16: the first click only warns, the second replaces.
        assertThat(_get(Button.class, spec -> spec.withId("replace-codes-save")).getText())
                .isEqualTo("Replace anyway");
        _click(_get(Button.class, spec -> spec.withId("replace-codes-save")));

        expectNotifications("2 backup codes saved; the old codes are destroyed");
        assertThat(summary()).startsWith("2 of 2 backup codes left");
        List<String> history = historyLines();
        assertThat(history).hasSize(2);
        assertThat(history.get(0)).startsWith("2 codes saved").contains("in use");
        assertThat(history.get(1))
                .startsWith("4 codes saved")
                .contains("replaced")
                .contains("by Alice Example")
                .contains("1 used");
        _click(_get(Button.class, spec -> spec.withId("view-codes")));
        assertThat(shownCodes()).containsExactly("55555-eeeee", "66666-fffff");
    }

    @Test
    void replace_afterAnotherOwnerReplacedFirst_saysWho_keepsTheText_andChangesNothing() {
        openGitHubAs("alice@acme.test");
        _click(_get(Button.class, spec -> spec.withId("replace-codes")));
        TextArea field = _get(TextArea.class, spec -> spec.withLabel("MFA Backup Codes"));
        String mine = gitHubCodes(0x77777);
        _setValue(field, mine);

        // Meanwhile the workspace Owner replaces the codes from another session.
        var alice = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        signIn.asConfirmed("owner@acme.test");
        var current = service.overview(fixtures.accountId("GitHub")).activeSet().orElseThrow();
        service.replaceCodes(
                fixtures.accountId("GitHub"), current.setId(), "88888-hhhhh\n99999-iiiii\n", Mismatch.ACCEPTED);
        org.springframework.security.core.context.SecurityContextHolder.getContext()
                .setAuthentication(alice);

        _click(_get(Button.class, spec -> spec.withId("replace-codes-save")));

        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage())
                .contains("Olivia Owner changed these codes a moment ago")
                .contains("Nothing was changed");
        assertThat(field.getValue()).isEqualTo(mine);
        assertThat(summary()).startsWith("2 of 2 backup codes left").contains("by Olivia Owner");
    }

    @Test
    void replace_saysWhatItDestroys_inTheDangerStyle() {
        UUID github = fixtures.accountId("GitHub");
        service.markCode(
                github, service.overview(github).activeSet().orElseThrow().setId(), 2, true);
        openGitHubAs("alice@acme.test");
        _click(_get(Button.class, spec -> spec.withId("replace-codes")));

        Div replaceSummary = _get(Div.class, spec -> spec.withId("replace-summary"));
        assertThat(replaceSummary.getText())
                .isEqualTo("Replace 3 unused codes (1 of 4 used) with the new codes you paste. The codes saved now"
                        + " are destroyed.");
        _setValue(_get(TextArea.class, spec -> spec.withLabel("MFA Backup Codes")), gitHubCodes(0x12345));
        assertThat(replaceSummary.getText()).startsWith("Replace 3 unused codes (1 of 4 used) with 16 new ones.");
        assertThat(_get(Button.class, spec -> spec.withId("replace-codes-save")).getThemeNames())
                .contains("error");
    }

    @Test
    void anotherOwnersChange_showsOnAnOpenAccountPage_withoutReload() throws Exception {
        openGitHubAs("alice@acme.test");
        assertThat(summary()).startsWith("4 of 4 backup codes left");

        // Meanwhile the workspace Owner, GitHub's other Owner, marks a code used from another session.
        var alice = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        signIn.asConfirmed("owner@acme.test");
        UUID github = fixtures.accountId("GitHub");
        service.markCode(
                github, service.overview(github).activeSet().orElseThrow().setId(), 1, true);
        org.springframework.security.core.context.SecurityContextHolder.getContext()
                .setAuthentication(alice);

        // The change arrives by PostgreSQL NOTIFY on another thread and is pushed into the page.
        for (int i = 0; i < 200 && !summary().startsWith("3 of 4"); i++) {
            Thread.sleep(50);
            MockVaadin.clientRoundtrip();
        }
        assertThat(summary()).startsWith("3 of 4 backup codes left");
    }

    @Test
    void add_afterAnotherOwnerSavedFirst_theSecondClickReplaces_andSaysSo() {
        UUID github = fixtures.accountId("GitHub");
        service.deleteCodes(
                github, service.overview(github).activeSet().orElseThrow().setId());
        loginConfirmedAs("alice@acme.test");
        openEmergencyControls("GitHub");
        _click(_get(Button.class, spec -> spec.withId("add-codes")));
        TextArea field = _get(TextArea.class, spec -> spec.withLabel("MFA Backup Codes"));
        _setValue(field, gitHubCodes(0xaaaaa));

        // Meanwhile the workspace Owner, GitHub's other Owner, saves codes from another session.
        var alice = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        signIn.asConfirmed("owner@acme.test");
        service.saveCodes(github, "ccccc-33333\nddddd-44444\neeeee-55555\n", Mismatch.ACCEPTED);
        org.springframework.security.core.context.SecurityContextHolder.getContext()
                .setAuthentication(alice);

        _click(_get(Button.class, spec -> spec.withText("Save Codes")));
        assertThat(field.getErrorMessage()).contains("Save again to replace the codes saved now with yours.");
        _click(_get(Button.class, spec -> spec.withText("Save Codes")));

        expectNotifications("16 backup codes saved; the old codes are destroyed");
        assertThat(summary()).startsWith("16 of 16 backup codes left");
    }

    @Test
    void replace_rightAfterSignIn_asksToConfirmAtSave_thenReplacesWhatWasTyped() {
        loginAs("alice@acme.test"); // signing in is no step-up, and replacing destroys the codes in use
        openAccount("GitHub");
        _click(_get(Button.class, spec -> spec.withId("replace-codes")));
        _setValue(_get(TextArea.class, spec -> spec.withLabel("MFA Backup Codes")), gitHubCodes(0x20000));
        _click(_get(Button.class, spec -> spec.withId("replace-codes-save")));

        assertThat(summary()).startsWith("4 of 4").as("nothing replaced before the confirmation");
        _setValue(_get(PasswordField.class, spec -> spec.withId("confirm-password")), "breakglass-demo");
        _click(_get(Button.class, spec -> spec.withId("confirm-identity")));

        expectNotifications("16 backup codes saved; the old codes are destroyed");
        assertThat(summary()).startsWith("16 of 16 backup codes left");
    }

    @Test
    void delete_rightAfterSignIn_asksToConfirm_andDeletesOnlyAfterIt() {
        loginAs("alice@acme.test");
        openAccount("GitHub");
        _click(_get(Button.class, spec -> spec.withId("delete-codes")));
        _click(_get(Button.class, spec -> spec.withId("confirm-delete-codes")));

        assertThat(summary()).startsWith("4 of 4");
        _setValue(_get(PasswordField.class, spec -> spec.withId("confirm-password")), "breakglass-demo");
        _click(_get(Button.class, spec -> spec.withId("confirm-identity")));

        assertThat(summary()).isEqualTo("No backup codes saved yet.");
    }

    @Test
    void delete_asksFirst_destroysTheCodes_andKeepsTheHistoryLine() {
        openGitHubAs("alice@acme.test");

        _click(_get(Button.class, spec -> spec.withId("delete-codes")));
        _click(_get(Button.class, spec -> spec.withId("cancel-delete-codes")));
        assertThat(summary()).startsWith("4 of 4");

        _click(_get(Button.class, spec -> spec.withId("delete-codes")));
        _click(_get(Button.class, spec -> spec.withId("confirm-delete-codes")));

        assertThat(summary()).isEqualTo("No backup codes saved yet.");
        assertThat(historyLines())
                .singleElement()
                .asString()
                .contains("deleted")
                .contains("by Alice Example");
        assertThat(_find(Button.class, spec -> spec.withId("add-codes"))).hasSize(1);
    }

    private void openGitHubAs(String email) {
        loginConfirmedAs(email);
        openAccount("GitHub");
    }

    /** Sixteen codes in GitHub's form, as GitHub issues them: a paste that needs no confirmation. */
    static String gitHubCodes(int seed) {
        StringBuilder codes = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            codes.append(String.format("%05x-%05x%n", seed + i, 0xfffff - seed - i));
        }
        return codes.toString();
    }

    private static String summary() {
        return _get(Paragraph.class, spec -> spec.withId("codes-summary")).getText();
    }

    private static List<String> shownCodes() {
        return _find(Span.class, spec -> spec.withClasses("code-value")).stream()
                .map(Span::getText)
                .toList();
    }

    private static List<String> historyLines() {
        return _find(com.vaadin.flow.component.html.ListItem.class).stream()
                .filter(item -> item.getParent()
                        .flatMap(p -> p.getParent())
                        .map(p -> "codes-history".equals(p.getId().orElse(null)))
                        .orElse(false))
                .map(com.vaadin.flow.component.html.ListItem::getText)
                .toList();
    }
}
