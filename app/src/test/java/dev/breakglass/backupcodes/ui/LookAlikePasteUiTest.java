package dev.breakglass.backupcodes.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import dev.breakglass.testing.KaribuTest;
import org.junit.jupiter.api.Test;

/** A secret that only looks like backup codes is refused with a sentence saying what it is; the paste stays. */
class LookAlikePasteUiTest extends KaribuTest {

    @Test
    void apiTokenPasted_isRefused_withASentenceNamingIt() {
        loginAs("alice@acme.test");
        openEmergencyControls("Google Workspace");
        _click(_get(Button.class, spec -> spec.withId("add-codes")));
        TextArea field = _get(TextArea.class, spec -> spec.withLabel("MFA Backup Codes"));
        String token = "ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";

        _setValue(field, token);

        assertThat(_get(Span.class, spec -> spec.withId("codes-found")).getText())
                .contains("looks like an API token, not backup codes");
        assertThat(field.getValue()).isEqualTo(token);
    }
}
