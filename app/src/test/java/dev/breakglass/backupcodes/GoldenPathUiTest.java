package dev.breakglass.backupcodes;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import dev.breakglass.testing.KaribuTest;
import org.junit.jupiter.api.Test;

/** The golden path in the UI: sign in, open an account, add codes, see them again. */
class GoldenPathUiTest extends KaribuTest {

    static final String GITHUB_DOWNLOAD = """
            GitHub recovery codes
            1. 4f2a1-9c3b7
            2. 88e0d-1a2f4
            3. 0b9c2-77d13
            4. e5a18-c0f62
            5. 31d7b-5e8a0
            6. 9aa04-2b6c1
            7. c7f30-d4e95
            8. 16b8e-a93d2
            9. 5d0c7-f1b48
            10. a2e96-0c7f3
            11. 7b3d0-e19a5
            12. f2c48-6d0b1
            13. 0e5a9-b7c36
            14. d41f7-3a8e2
            15. 68c0b-f5d19
            16. b9a27-04e6c
            Keep your recovery codes as safe as your password.
            """;

    @Test
    void owner_addsCodesFromTheSettingsTab_andSeesThemAgain() {
        loginConfirmedAs("alice@acme.test");

        assertThat(cardLabels())
                .contains("GitHub", "Google Workspace", "Slack")
                .doesNotContain("AWS root", "Cloudflare");
        openAccount("GitHub");

        TabSheet tabs = _get(TabSheet.class, spec -> spec.withId("account-tabs"));
        assertThat(tabs.getSelectedTab().getLabel()).isEqualTo("Settings");
        Details emergency = _get(Details.class, spec -> spec.withId("emergency-controls"));
        assertThat(emergency.getSummaryText()).isEqualTo("Emergency controls");
        emergency.setOpened(true);

        _click(_get(Button.class, spec -> spec.withText("Add codes")));
        Dialog dialog = _get(Dialog.class);
        assertThat(dialog.getHeaderTitle()).isEqualTo("Add MFA Backup Codes");

        _setValue(_get(TextArea.class, spec -> spec.withLabel("MFA Backup Codes")), GITHUB_DOWNLOAD);
        assertThat(_get(Span.class, spec -> spec.withId("codes-found")).getText())
                .startsWith("16 GitHub codes");

        _click(_get(Button.class, spec -> spec.withText("Save Codes")));

        assertThat(dialog.isOpened()).isFalse();
        expectNotifications("16 backup codes saved");
        assertThat(_get(Paragraph.class, spec -> spec.withId("codes-summary")).getText())
                .startsWith("16 of 16 backup codes left")
                .contains("by Alice Example");
        assertThat(_find(Button.class, spec -> spec.withId("add-codes"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("view-codes"))).hasSize(1);

        _click(_get(Button.class, spec -> spec.withId("view-codes")));
        Dialog view =
                _get(Dialog.class, spec -> spec.withPredicate(d -> "View MFA Backup Codes".equals(d.getHeaderTitle())));
        assertThat(view.isOpened()).isTrue();
        assertThat(_find(Span.class, spec -> spec.withClasses("code-value")).stream()
                        .map(Span::getText))
                .containsExactly(
                        "4f2a1-9c3b7",
                        "88e0d-1a2f4",
                        "0b9c2-77d13",
                        "e5a18-c0f62",
                        "31d7b-5e8a0",
                        "9aa04-2b6c1",
                        "c7f30-d4e95",
                        "16b8e-a93d2",
                        "5d0c7-f1b48",
                        "a2e96-0c7f3",
                        "7b3d0-e19a5",
                        "f2c48-6d0b1",
                        "0e5a9-b7c36",
                        "d41f7-3a8e2",
                        "68c0b-f5d19",
                        "b9a27-04e6c");
    }

    @Test
    void collaborator_seesHowManyCodesExist_butNoButtons() {
        loginConfirmedAs("alice@acme.test");
        openAccount("GitHub");
        _get(Details.class, spec -> spec.withId("emergency-controls")).setOpened(true);
        _click(_get(Button.class, spec -> spec.withId("add-codes")));
        _setValue(_get(TextArea.class, spec -> spec.withLabel("MFA Backup Codes")), GITHUB_DOWNLOAD);
        _click(_get(Button.class, spec -> spec.withId("save-codes")));

        loginConfirmedAs("bob@acme.test");
        openAccount("GitHub");
        _get(Details.class, spec -> spec.withId("emergency-controls")).setOpened(true);

        assertThat(_get(Paragraph.class, spec -> spec.withId("codes-summary")).getText())
                .startsWith("16 of 16 backup codes left");
        assertThat(_find(Button.class, spec -> spec.withId("add-codes"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("view-codes"))).isEmpty();
    }

    @Test
    void collaborator_seesNoAddButton_whenNoCodesAreSaved() {
        loginConfirmedAs("bob@acme.test");
        openAccount("GitHub");

        assertThat(_get(Paragraph.class, spec -> spec.withId("codes-summary")).getText())
                .isEqualTo("No backup codes saved yet.");
        assertThat(_find(Button.class, spec -> spec.withId("add-codes"))).isEmpty();
    }

    @Test
    void badInput_showsAClearMessage_keepsTheText_andSavesNothing() {
        loginConfirmedAs("alice@acme.test");
        openAccount("Google Workspace");
        _click(_get(Button.class, spec -> spec.withId("add-codes")));
        TextArea field = _get(TextArea.class, spec -> spec.withLabel("MFA Backup Codes"));
        Button save = _get(Button.class, spec -> spec.withId("save-codes"));

        _click(save);
        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).contains("field is empty");

        String prose = "I could not find the codes, they are on Bob's laptop";
        _setValue(field, prose);
        _click(save);
        assertThat(field.getErrorMessage()).contains("No backup codes were found");
        assertThat(field.getValue()).isEqualTo(prose);

        String huge = "12345678\n".repeat(8000);
        _setValue(field, huge);
        _click(save);
        assertThat(field.getErrorMessage()).contains("64 KiB");
        assertThat(field.getValue()).isEqualTo(huge);

        StringBuilder tooMany = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            tooMany.append(String.format("%08d%n", 10_000_000 + i));
        }
        _setValue(field, tooMany.toString());
        _click(save);
        assertThat(field.getErrorMessage()).contains("More than 100 codes");
        assertThat(field.getValue()).isEqualTo(tooMany.toString());

        assertThat(_get(Dialog.class).isOpened()).isTrue();
        _click(_get(Button.class, spec -> spec.withId("cancel-add-codes")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("codes-summary")).getText())
                .isEqualTo("No backup codes saved yet.");
    }
}
