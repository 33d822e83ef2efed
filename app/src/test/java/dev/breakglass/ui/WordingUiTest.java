package dev.breakglass.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import dev.breakglass.backupcodes.BackupCodeService;
import dev.breakglass.testing.KaribuTest;
import dev.breakglass.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Words the UI shows: plurals, possessives, time zones, and what an empty list says. */
class WordingUiTest extends KaribuTest {

    @Autowired
    BackupCodeService codes;

    @Autowired
    SignIn signIn;

    @Test
    void history_ofAOneCodeSet_says1CodeSaved() {
        signIn.as("alice@acme.test");
        codes.saveCodes(fixtures.accountId("Microsoft 365"), "59XO3-283ZB-VE462-6FSV6-CO88D\n");
        loginAs("alice@acme.test");

        openEmergencyControls("Microsoft 365");

        assertThat(_find(ListItem.class).stream().map(ListItem::getText).filter(line -> line.contains("saved")))
                .singleElement()
                .asString()
                .startsWith("1 code saved");
    }

    @Test
    void appNameEndingInS_takesTheApostropheAlone() {
        loginAs("owner@acme.test");
        openEmergencyControls("AWS root");
        _click(_get(Button.class, spec -> spec.withId("add-codes")));

        assertThat(_get(Anchor.class, spec -> spec.withId("app-settings-link")).getText())
                .isEqualTo("Open Amazon Web Services' MFA settings");
    }

    @Test
    void auditLog_withNoMatchingEvent_saysSo() {
        loginAs("owner@acme.test");
        UI.getCurrent().navigate("admin/audit");

        assertThat(_get(Grid.class, spec -> spec.withId("audit-grid")).getEmptyStateText())
                .isEqualTo("No events match these filters.");
    }

    @Test
    void setPasswordLink_saysWhenItExpires_withTheTimeZone() {
        loginAs("admin@acme.test");
        UI.getCurrent().navigate("members");
        _click(_get(Button.class, spec -> spec.withId("add-member")));
        _setValue(_get(TextField.class, spec -> spec.withId("new-member-name")), "Zoe Zone");
        _setValue(
                _get(EmailField.class, spec -> spec.withId("new-member-email")),
                "zoe-" + java.util.UUID.randomUUID() + "@acme.test");
        _click(_get(Button.class, spec -> spec.withId("save-member")));

        Dialog link = _get(
                Dialog.class,
                spec -> spec.withPredicate(dialog -> dialog.getHeaderTitle().startsWith("Set-password link")));
        String hint = _get(link, Paragraph.class).getText();
        assertThat(hint).containsPattern("until \\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2} \\S+\\.");
    }
}
