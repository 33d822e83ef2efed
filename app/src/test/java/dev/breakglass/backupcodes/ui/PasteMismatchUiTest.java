package dev.breakglass.backupcodes.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import dev.breakglass.backupcodes.BackupCodeService;
import dev.breakglass.testing.KaribuTest;
import dev.breakglass.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Another app's codes, or not as many as the app issues: the dialog says so and saves only on a second click. */
class PasteMismatchUiTest extends KaribuTest {

    static final String GOOGLE_DOWNLOAD = """
            SAVE YOUR BACKUP CODES
            1. 6165 1728    6. 3720 7276
            2. 6233 5735    7. 3087 3821
            3. 9145 2230    8. 5528 1940
            4. 7702 3391    9. 1046 8873
            5. 2289 4410    10. 8831 0562
            """;

    @Autowired
    BackupCodeService service;

    @Autowired
    SignIn signIn;

    @Test
    void replace_withGooglesCodesInGitHub_warns_keepsTheSavedCodes_untilReplaceAnyway() {
        signIn.as("alice@acme.test");
        service.saveCodes(fixtures.accountId("GitHub"), SavedCodesUiTest.gitHubCodes(0x10000));
        loginConfirmedAs("alice@acme.test");
        openEmergencyControls("GitHub");
        _click(_get(Button.class, spec -> spec.withId("replace-codes")));

        _setValue(codesField(), GOOGLE_DOWNLOAD);
        assertThat(_get(Span.class, spec -> spec.withId("codes-found")).getText())
                .isEqualTo("10 Google codes, 1 other line ignored.");
        assertThat(mismatch().isVisible()).isTrue();
        assertThat(mismatch().getText()).contains("read as Google codes, not GitHub codes");

        _click(saveButton());
        assertThat(summary()).startsWith("16 of 16 backup codes left");
        assertThat(saveButton().getText()).isEqualTo("Replace anyway");
        assertThat(mismatch().getText())
                .contains("Nothing was changed")
                .contains("the codes saved now will be destroyed");

        _click(saveButton());
        expectNotifications("10 backup codes saved; the old codes are destroyed");
        assertThat(summary()).startsWith("10 of 10 backup codes left");
    }

    @Test
    void add_gitHubCodesInGoogle_saysTheyWereReadAsAGenericList() {
        loginAs("alice@acme.test");
        openEmergencyControls("Google Workspace");
        _click(_get(Button.class, spec -> spec.withId("add-codes")));

        _setValue(codesField(), SavedCodesUiTest.gitHubCodes(0x20000));

        assertThat(mismatch().isVisible()).isTrue();
        assertThat(mismatch().getText()).contains("read as a generic list, not as Google codes");
    }

    @Test
    void add_fifteenOfGitHubsSixteen_saysOneMayBeMissing_andSavesOnlyOnSaveAnyway() {
        loginAs("alice@acme.test");
        openEmergencyControls("GitHub");
        _click(_get(Button.class, spec -> spec.withId("add-codes")));
        String fifteen = SavedCodesUiTest.gitHubCodes(0x30000)
                .lines()
                .limit(15)
                .map(line -> line + "\n")
                .reduce("", String::concat);

        _setValue(codesField(), fifteen);
        assertThat(mismatch().getText())
                .isEqualTo("GitHub issues 16 codes at a time, but 15 codes were found. Some may be missing or extra.");
        _click(saveButton());

        assertThat(summary()).isEqualTo("No backup codes saved yet.");
        assertThat(saveButton().getText()).isEqualTo("Save anyway");
        assertThat(codesField().getValue()).isEqualTo(fifteen);
        _click(saveButton());
        expectNotifications("15 backup codes saved");
    }

    @Test
    void changingThePasteAfterTheWarning_asksAgain() {
        loginAs("alice@acme.test");
        openEmergencyControls("GitHub");
        _click(_get(Button.class, spec -> spec.withId("add-codes")));
        _setValue(codesField(), GOOGLE_DOWNLOAD);
        _click(saveButton());
        assertThat(saveButton().getText()).isEqualTo("Save anyway");

        _setValue(codesField(), "12345678\n23456789\n");
        assertThat(saveButton().getText()).isEqualTo("Save Codes");
        _click(saveButton());

        assertThat(summary()).isEqualTo("No backup codes saved yet.");
        assertThat(saveButton().getText()).isEqualTo("Save anyway");
    }

    @Test
    void add_gitHubsOwnSixteen_savesOnTheFirstClick_withoutAWarning() {
        loginAs("alice@acme.test");
        openEmergencyControls("GitHub");
        _click(_get(Button.class, spec -> spec.withId("add-codes")));

        _setValue(codesField(), SavedCodesUiTest.gitHubCodes(0x40000));
        assertThat(_find(Div.class, spec -> spec.withId("paste-mismatch"))).isEmpty(); // hidden
        _click(saveButton());

        expectNotifications("16 backup codes saved");
    }

    private static TextArea codesField() {
        return _get(TextArea.class, spec -> spec.withLabel("MFA Backup Codes"));
    }

    private static Div mismatch() {
        return _get(Div.class, spec -> spec.withId("paste-mismatch"));
    }

    private static Button saveButton() {
        return _get(
                Button.class,
                spec -> spec.withPredicate(button -> button.getId()
                        .filter(id -> id.equals("save-codes") || id.equals("replace-codes-save"))
                        .isPresent()));
    }

    private static String summary() {
        return _get(Paragraph.class, spec -> spec.withId("codes-summary")).getText();
    }
}
