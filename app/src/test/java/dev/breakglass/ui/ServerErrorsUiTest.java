package dev.breakglass.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinSession;
import dev.breakglass.testing.KaribuTest;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * An action that fails for a reason no page foresaw says so in a sentence, and the member's input stays: here the
 * database going away during Save Codes.
 */
class ServerErrorsUiTest extends KaribuTest {

    @Test
    void aDatabaseOutageDuringSave_saysNothingWasSaved_andKeepsThePaste() {
        loginAs("alice@acme.test");
        openEmergencyControls("GitHub");
        _click(_get(Button.class, spec -> spec.withId("add-codes")));
        TextArea paste = _get(TextArea.class, spec -> spec.withId("backup-codes-input"));
        _setValue(paste, "0a1b2-c3d4e\nf5a6b-7c8d9");

        // What Vaadin does with an exception no listener caught: hand it to the session's error handler.
        VaadinSession.getCurrent()
                .getErrorHandler()
                .error(new ErrorEvent(
                        new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", new SQLException())));

        NotificationsKt.expectNotifications(ServerErrors.DATABASE_DOWN);
        assertThat(_get(Dialog.class).isOpened()).isTrue();
        assertThat(paste.getValue()).isEqualTo("0a1b2-c3d4e\nf5a6b-7c8d9");
    }

    @Test
    void anyOtherUnexpectedFailure_saysNothingWasChanged() {
        loginAs("alice@acme.test");

        VaadinSession.getCurrent().getErrorHandler().error(new ErrorEvent(new IllegalStateException("boom")));

        NotificationsKt.expectNotifications(ServerErrors.UNEXPECTED);
        assertThat(ServerErrors.UNEXPECTED).doesNotContain("boom");
    }
}
