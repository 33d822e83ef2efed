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
import com.vaadin.flow.component.textfield.TextArea;
import dev.breakglass.account.AccountService;
import dev.breakglass.testing.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An app that issues one recovery code (Microsoft, Apple, Bitwarden) is not "low" for having one. */
class OneCodeAppUiTest extends KaribuTest {

    static final String MICROSOFT_DOWNLOAD = """
            Your recovery code
            Use this code to recover your account if you forget your password or lose access to your security info.

            59XO3-283ZB-VE462-6FSV6-CO88D

            Print this code and keep it in a safe place.
            """;

    @Autowired
    AccountService accounts;

    @Test
    void savingMicrosoftsRecoveryCode_saysItIsSaved_withoutALowCodesWarning_untilItIsUsed() {
        loginConfirmedAs("alice@acme.test");
        openEmergencyControls("Microsoft 365");
        _click(_get(Button.class, spec -> spec.withId("add-codes")));
        _setValue(_get(TextArea.class, spec -> spec.withLabel("MFA Backup Codes")), MICROSOFT_DOWNLOAD);
        _click(_get(Button.class, spec -> spec.withId("save-codes")));
        expectNotifications("1 backup code saved");

        assertThat(summary()).startsWith("1 recovery code saved").contains("by Alice Example");
        assertThat(_find(Div.class, spec -> spec.withId("low-codes-warning"))).isEmpty();
        assertThat(accounts.overview().lowCodes()).isZero();

        _click(_get(Button.class, spec -> spec.withId("use-next-code")));
        _click(_get(Button.class, spec -> spec.withId("close-use-code")));

        assertThat(summary()).startsWith("The recovery code is used");
        assertThat(_get(Div.class, spec -> spec.withId("low-codes-warning")).getText())
                .startsWith("Every code is used");
        assertThat(accounts.overview().lowCodes()).isEqualTo(1);
    }

    private static String summary() {
        return _get(Paragraph.class, spec -> spec.withId("codes-summary")).getText();
    }
}
