package dev.breakglass.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import dev.breakglass.security.ui.SignInSecurityView;
import dev.breakglass.security.ui.UsePasskeyButton;
import dev.breakglass.testing.KaribuTest;
import dev.breakglass.testing.RoleFixtures;
import dev.breakglass.testing.RoleFixtures.TestMember;
import dev.breakglass.testing.SignIn;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/** The Passkeys section of Sign-in security: the member's own passkeys, renamed and removed, with clear refusals. */
class PasskeysSectionUiTest extends KaribuTest {

    @Autowired
    RoleFixtures roles;

    @Autowired
    SignIn signIn;

    @Autowired
    WebAuthnRelyingPartyOperations relyingParty;

    @Autowired
    PasskeySettings settings;

    @Test
    void section_listsOnlyTheMembersOwnPasskeys_withNameAndDates() {
        var workspace = roles.newWorkspace();
        TestMember user = workspace.member(WorkspaceRole.LOGIN_ONLY);
        register(workspace.member(WorkspaceRole.OWNER), "Someone else's key");
        register(user, "Laptop");
        register(user, "Security key");

        open(user);

        assertThat(rowNames()).containsExactly("Laptop", "Security key");
        assertThat(row("Laptop").getElement().getTextRecursively()).contains("Added ", "Never used");
        assertThat(_find(Paragraph.class, spec -> spec.withId("no-passkeys"))).isEmpty();
    }

    @Test
    void section_withoutPasskeys_saysSo() {
        open(roles.newWorkspace().member(WorkspaceRole.GUEST));

        assertThat(_get(Paragraph.class, spec -> spec.withId("no-passkeys")).getText())
                .isEqualTo("You have no passkeys yet.");
        assertThat(_get(Button.class, spec -> spec.withId("add-passkey")).getText())
                .isEqualTo("Add a passkey");
    }

    @Test
    void rename_toATakenName_isRefused_keepingWhatWasTyped_thenAFreeNameIsSaved() {
        TestMember user = roles.newWorkspace().member(WorkspaceRole.USER);
        register(user, "Laptop");
        register(user, "Phone");
        open(user);

        _click(_get(row("Phone"), Button.class, spec -> spec.withText("Rename")));
        TextField name = _get(TextField.class, spec -> spec.withId("passkey-name"));
        _setValue(name, "LAPTOP");
        _click(_get(Button.class, spec -> spec.withId("save-passkey-name")));
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage())
                .isEqualTo("You already have a passkey named \"LAPTOP\". Choose another name.");
        assertThat(name.getValue()).isEqualTo("LAPTOP");

        _setValue(name, "Old phone");
        _click(_get(Button.class, spec -> spec.withId("save-passkey-name")));

        expectNotifications("Passkey renamed.");
        assertThat(rowNames()).containsExactly("Laptop", "Old phone");
    }

    @Test
    void remove_takesThePasskeyOffTheList() {
        TestMember user = roles.newWorkspace().member(WorkspaceRole.ADMIN);
        register(user, "Laptop");
        open(user);

        _click(_get(row("Laptop"), Button.class, spec -> spec.withText("Remove")));
        _click(_get(Button.class, spec -> spec.withId("confirm-remove-passkey")));

        expectNotifications("Passkey \"Laptop\" removed.");
        assertThat(rowNames()).isEmpty();
        assertThat(_get(Paragraph.class, spec -> spec.withId("no-passkeys")).getText())
                .isEqualTo("You have no passkeys yet.");
    }

    @Test
    void addPasskey_isPossibleOnlyWithAFreeName_checkedAsItIsTyped() {
        TestMember user = roles.newWorkspace().member(WorkspaceRole.USER);
        register(user, "Laptop");
        open(user);

        _click(_get(Button.class, spec -> spec.withId("add-passkey")));
        TextField name = _get(TextField.class, spec -> spec.withId("new-passkey-name"));
        Button create = _get(Button.class, spec -> spec.withId("create-passkey"));
        assertThat(create.isEnabled()).isFalse();

        _setValue(name, " laptop ");
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage())
                .isEqualTo("You already have a passkey named \"laptop\". Choose another name.");
        assertThat(create.isEnabled()).isFalse();

        _setValue(name, "x".repeat(PasskeyService.MAX_NAME_LENGTH + 1));
        assertThat(name.getErrorMessage())
                .isEqualTo("A passkey name can have at most 60 characters. Choose a shorter one.");
        assertThat(create.isEnabled()).isFalse();

        _setValue(name, "Security key");
        assertThat(name.isInvalid()).isFalse();
        assertThat(create.isEnabled()).isTrue();
        assertThat(rowNames()).containsExactly("Laptop");
    }

    @Test
    void usePasskey_isOfferedOnlyToAMemberWithAPasskey() {
        var workspace = roles.newWorkspace();
        TestMember with = workspace.member(WorkspaceRole.OWNER);
        register(with, "Laptop");
        loginAs(workspace.member(WorkspaceRole.USER).email());
        assertThat(new UsePasskeyButton(() -> {}).isVisible()).isFalse();

        loginAs(with.email());
        UsePasskeyButton button = new UsePasskeyButton(() -> {});
        assertThat(button.isVisible()).isTrue();
        assertThat(button.getText()).isEqualTo("Use a passkey");
    }

    private void open(TestMember member) {
        loginAs(member.email());
        UI.getCurrent().navigate(SignInSecurityView.class);
    }

    private static List<String> rowNames() {
        return _find(HorizontalLayout.class, spec -> spec.withClasses("passkey")).stream()
                .map(row -> row.getElement().getAttribute("data-name"))
                .toList();
    }

    private static HorizontalLayout row(String name) {
        return _get(HorizontalLayout.class, spec -> spec.withClasses("passkey").withAttribute("data-name", name));
    }

    /** Registers a software passkey for the member through the relying party, as the browser would. */
    private void register(TestMember member, String name) {
        SoftwarePasskey.registerFor(relyingParty, settings, signIn.as(member.email()), name);
        signIn.out();
    }
}
