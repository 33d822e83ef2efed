package dev.breakglass.encryption;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import dev.breakglass.testing.KaribuTest;
import org.junit.jupiter.api.Test;

/** The encryption admin page with the embedded default cipher warns loudly that it is not for production. */
class EncryptionAdminLocalUiTest extends KaribuTest {

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
    }
}
