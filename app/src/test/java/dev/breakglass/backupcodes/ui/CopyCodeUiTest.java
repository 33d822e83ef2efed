package dev.breakglass.backupcodes.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import dev.breakglass.backupcodes.BackupCodeService;
import dev.breakglass.backupcodes.Mismatch;
import dev.breakglass.testing.KaribuTest;
import dev.breakglass.testing.SignIn;
import elemental.json.Json;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Copy puts the code on the clipboard as the app accepts it, says so, and clears it again after 30 seconds. */
class CopyCodeUiTest extends KaribuTest {

    @Autowired
    BackupCodeService service;

    @Autowired
    SignIn signIn;

    @BeforeEach
    void googleCodesSaved() {
        signIn.asConfirmed("alice@acme.test");
        service.saveCodes(fixtures.accountId("Google Workspace"), "6165 1728\n6233 5735\n", Mismatch.ACCEPTED);
        loginConfirmedAs("alice@acme.test");
        openEmergencyControls("Google Workspace");
        UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();
    }

    @Test
    void copy_fromViewCodes_copiesTheSavedValueWithoutTheDisplaySpace_saysCopied_andClearsLater() {
        _click(_get(Button.class, spec -> spec.withId("view-codes")));
        UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();

        _click(_find(Button.class, spec -> spec.withClasses("copy-code")).get(0));

        PendingJavaScriptInvocation copy = pending(Clipboard.COPY);
        assertThat(copy.getInvocation().getParameters()).containsExactly("61651728");
        copy.complete(Json.create("copied"));
        PendingJavaScriptInvocation clear = pending(Clipboard.CLEAR_LATER); // before the round trip sends it
        expectNotifications("Copied. The clipboard is cleared in 30 seconds.");

        assertThat(clear.getInvocation().getParameters()).containsExactly(30);
        clear.complete(Json.create("not-cleared"));
        expectNotifications("The clipboard could not be cleared: the browser allows it only while this tab has focus. "
                + "Copy something else over the code.");
    }

    @Test
    void copy_ofAHandedOutCode_copiesTheSavedValue_andSaysSoWhenTheBrowserCannotCopy() {
        _click(_get(Button.class, spec -> spec.withId("use-next-code")));
        UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();

        _click(_get(Button.class, spec -> spec.withId("copy-handed-out-code")));

        PendingJavaScriptInvocation copy = pending(Clipboard.COPY);
        assertThat(copy.getInvocation().getParameters()).containsExactly("61651728");
        copy.complete(Json.create("unavailable"));
        expectNotifications("This browser does not let the page copy here. Select the code and copy it yourself, then "
                + "copy something else over it when you are done.");
    }

    private static PendingJavaScriptInvocation pending(String script) {
        List<PendingJavaScriptInvocation> invocations =
                UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();
        return invocations.stream()
                .filter(invocation -> invocation.getInvocation().getExpression().contains(script.strip()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no call to the clipboard script in "
                        + invocations.stream()
                                .map(invocation -> invocation.getInvocation().getExpression())
                                .toList()));
    }
}
