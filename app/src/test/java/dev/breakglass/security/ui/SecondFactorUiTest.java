package dev.breakglass.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import dev.breakglass.backupcodes.BackupCodeService;
import dev.breakglass.backupcodes.Mismatch;
import dev.breakglass.security.AccountRole;
import dev.breakglass.security.AuthenticatorSetup;
import dev.breakglass.security.CurrentUser;
import dev.breakglass.security.SecondFactorPolicy;
import dev.breakglass.security.SecondFactorService;
import dev.breakglass.security.SignInStage;
import dev.breakglass.security.WorkspaceRole;
import dev.breakglass.testing.KaribuTest;
import dev.breakglass.testing.RoleFixtures;
import dev.breakglass.testing.RoleFixtures.TestMember;
import dev.breakglass.testing.RoleFixtures.TestWorkspace;
import dev.breakglass.testing.SignIn;
import dev.breakglass.workspace.Member;
import dev.breakglass.workspace.ui.MembersView;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The second factor in the pages: the policy's redirect to Sign-in security, the code page after the password, an
 * admin's reset on the Members page, and what Confirm it is you offers. Each test has a workspace of its own.
 */
class SecondFactorUiTest extends KaribuTest {

    private static final String CODES = "11111-22222\n33333-44444\n";

    @Autowired
    RoleFixtures roles;

    @Autowired
    SignIn signIn;

    @Autowired
    AuthenticationProvider passwords;

    @Autowired
    SecondFactorService factors;

    @Autowired
    BackupCodeService codes;

    @Autowired
    CurrentUser currentUser;

    @Test
    void policyEveryone_memberWithoutFactor_landsOnSignInSecurity_andCanOpenNothingElse_untilTheyEnrol() {
        TestWorkspace workspace = roles.newWorkspace();
        signIn.asConfirmed(workspace.member(WorkspaceRole.OWNER).email());
        factors.changePolicy(SecondFactorPolicy.EVERYONE);
        TestMember member = workspace.member(WorkspaceRole.ADMIN);

        signInWithPassword(member);

        assertThat(currentView()).isInstanceOf(SignInSecurityView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("factor-required-notice"))
                        .getText())
                .contains("requires a second factor");
        UI.getCurrent().navigate(MembersView.class);
        assertThat(currentView()).isInstanceOf(SignInSecurityView.class);
        UI.getCurrent().navigate(LoginCodeView.class);
        assertThat(currentView()).isInstanceOf(SignInSecurityView.class);

        _click(_get(Button.class, spec -> spec.withId("set-up-authenticator")));
        String secret = _get(Span.class, spec -> spec.withId("authenticator-secret"))
                .getText()
                .replace(" ", "");
        _setValue(_get(TextField.class, spec -> spec.withId("authenticator-code")), "000000");
        _click(_get(Button.class, spec -> spec.withId("finish-authenticator-setup")));
        assertThat(_get(TextField.class, spec -> spec.withId("authenticator-code"))
                        .isInvalid())
                .isTrue();
        assertThat(currentUser.stage()).contains(SignInStage.ENROLMENT_REQUIRED);

        _setValue(_get(TextField.class, spec -> spec.withId("authenticator-code")), codeNow(secret));
        _click(_get(Button.class, spec -> spec.withId("finish-authenticator-setup")));

        Div recovery = _get(Div.class, spec -> spec.withId("recovery-codes"));
        assertThat(_find(recovery, Span.class, spec -> spec.withClasses("recovery-code")))
                .hasSize(10);
        assertThat(currentUser.stage()).contains(SignInStage.SIGNED_IN);
        // Closing the codes reloads the page in the browser; the new request carries the member's roles.
        _click(_get(Button.class, spec -> spec.withId("close-recovery-codes")));
        login(SecurityContextHolder.getContext().getAuthentication());
        UI.getCurrent().navigate(MembersView.class);
        assertThat(currentView()).isInstanceOf(MembersView.class);
    }

    @Test
    void withAuthenticatorApp_passwordLeadsToTheCodePage_andOnlyTheRightCodeSignsIn() {
        TestWorkspace workspace = roles.newWorkspace();
        TestMember member = workspace.member(WorkspaceRole.USER);
        String secret = enrol(member);
        signIn.out();

        signInWithPassword(member);
        assertThat(currentView()).isInstanceOf(LoginCodeView.class);
        UI.getCurrent().navigate(SignInSecurityView.class);
        assertThat(currentView()).isInstanceOf(LoginCodeView.class);

        TextField code = _get(TextField.class, spec -> spec.withId("sign-in-code"));
        _setValue(code, "000000");
        _click(_get(Button.class, spec -> spec.withId("submit-sign-in-code")));
        assertThat(code.isInvalid()).isTrue();
        assertThat(currentUser.find()).isEmpty();

        clock.advance(Duration.ofSeconds(30));
        _setValue(code, codeNow(secret));
        _click(_get(Button.class, spec -> spec.withId("submit-sign-in-code")));

        assertThat(currentUser.stage()).contains(SignInStage.SIGNED_IN);
        assertThat(currentView()).isNotInstanceOf(LoginCodeView.class);
    }

    @Test
    void admin_resetsAMembersSecondFactor_fromTheMembersPage_butNotTheirOwn() {
        TestWorkspace workspace = roles.newWorkspace();
        TestMember member = workspace.member(WorkspaceRole.USER);
        TestMember admin = workspace.member(WorkspaceRole.ADMIN);
        enrol(member);

        loginAs(admin.email());
        UI.getCurrent().navigate(MembersView.class);
        assertThat(buttonsOf(admin.email())).doesNotContain("Reset second factor");
        _click(_get(actionsOf(member.email()), Button.class, spec -> spec.withText("Reset second factor")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("confirm-reset-factors")));

        signIn.asConfirmed(member.email());
        assertThat(factors.overview().authenticatorApp()).isFalse();
        assertThat(roles.lastAuditAction(workspace.id())).isEqualTo("SECOND_FACTORS_RESET");
    }

    @Test
    void workspaceOwner_setsThePolicyOnSignInSecurity_butAnAdminSeesNoSuchSection() {
        TestWorkspace workspace = roles.newWorkspace();
        loginAs(workspace.member(WorkspaceRole.ADMIN).email());
        UI.getCurrent().navigate(SignInSecurityView.class);
        assertThat(_find(RadioButtonGroup.class, spec -> spec.withId("second-factor-policy")))
                .isEmpty();

        loginAs(workspace.member(WorkspaceRole.OWNER).email());
        UI.getCurrent().navigate(SignInSecurityView.class);
        @SuppressWarnings("unchecked")
        RadioButtonGroup<SecondFactorPolicy> policy =
                _get(RadioButtonGroup.class, spec -> spec.withId("second-factor-policy"));
        assertThat(policy.getValue()).isEqualTo(SecondFactorPolicy.NOBODY);
        _setValue(policy, SecondFactorPolicy.CODE_KEEPERS);
        _click(_get(Button.class, spec -> spec.withId("save-second-factor-policy")));

        assertThat(factors.overview().policy()).isEqualTo(SecondFactorPolicy.CODE_KEEPERS);
        assertThat(roles.lastAuditAction(workspace.id())).isEqualTo("SECOND_FACTOR_POLICY_CHANGED");
    }

    @Test
    void confirmDialog_withoutFactor_asksForThePasswordAlone() {
        TestWorkspace workspace = roles.newWorkspace();
        TestMember member = workspace.member(WorkspaceRole.USER);
        accountWithCodes(workspace, member, "Plain account");

        loginAs(member.email());
        openEmergencyControls("Plain account");
        _click(_get(Button.class, spec -> spec.withId("view-codes")));

        assertThat(_find(PasswordField.class, spec -> spec.withId("confirm-password")))
                .hasSize(1);
        assertThat(_find(TextField.class, spec -> spec.withId("confirm-code"))).isEmpty();
        _setValue(_get(PasswordField.class, spec -> spec.withId("confirm-password")), RoleFixtures.PASSWORD);
        _click(_get(Button.class, spec -> spec.withId("confirm-identity")));
        assertThat(_find(Div.class, spec -> spec.withId("revealed-codes"))).hasSize(1);
    }

    @Test
    void confirmDialog_fiveWrongPasswordsInARow_endTheSession_andTheSignInPageSaysWhy() {
        TestWorkspace workspace = roles.newWorkspace();
        TestMember member = workspace.member(WorkspaceRole.USER);
        accountWithCodes(workspace, member, "Guessed account");

        loginAs(member.email());
        openEmergencyControls("Guessed account");
        _click(_get(Button.class, spec -> spec.withId("view-codes")));
        for (int i = 1; i <= 4; i++) {
            _setValue(_get(PasswordField.class, spec -> spec.withId("confirm-password")), "guess " + i);
            _click(_get(Button.class, spec -> spec.withId("confirm-identity")));
            assertThat(_find(ConfirmIdentityDialog.class)).hasSize(1);
        }
        _setValue(_get(PasswordField.class, spec -> spec.withId("confirm-password")), "guess 5");
        _click(_get(Button.class, spec -> spec.withId("confirm-identity")));

        assertThat(_find(ConfirmIdentityDialog.class)).isEmpty();
        assertThat(currentUser.find()).isEmpty();
        assertThat(roles.lastAuditAction(workspace.id())).isEqualTo("SESSION_ENDED_AFTER_FAILED_CONFIRMATIONS");
        signIn.out();
        assertThat(LoginView.AFTER_FAILED_CONFIRMATIONS).isEqualTo("login?signed-out=confirmations");
        UI.getCurrent().navigate("login", QueryParameters.of("signed-out", "confirmations"));
        assertThat(_get(Paragraph.class, spec -> spec.withId("sign-in-notice")).getText())
                .contains("signed out after five failed attempts");
    }

    @Test
    void confirmDialog_withAuthenticatorApp_asksForPasswordAndCode() {
        TestWorkspace workspace = roles.newWorkspace();
        TestMember member = workspace.member(WorkspaceRole.USER);
        String secret = enrol(member);
        accountWithCodes(workspace, member, "App account");

        loginAs(member.email());
        openEmergencyControls("App account");
        _click(_get(Button.class, spec -> spec.withId("view-codes")));
        _setValue(_get(PasswordField.class, spec -> spec.withId("confirm-password")), RoleFixtures.PASSWORD);
        _click(_get(Button.class, spec -> spec.withId("confirm-identity")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("confirm-error")).getText())
                .contains("password or the code is not right");
        assertThat(_find(Div.class, spec -> spec.withId("revealed-codes"))).isEmpty();

        clock.advance(Duration.ofSeconds(30));
        _setValue(_get(PasswordField.class, spec -> spec.withId("confirm-password")), RoleFixtures.PASSWORD);
        _setValue(_get(TextField.class, spec -> spec.withId("confirm-code")), codeNow(secret));
        _click(_get(Button.class, spec -> spec.withId("confirm-identity")));

        assertThat(_find(Div.class, spec -> spec.withId("revealed-codes"))).hasSize(1);
    }

    @Test
    void confirmDialog_whenThePolicyRequiresAFactorTheMemberLacks_offersNoWayButSettingOneUp() {
        TestWorkspace workspace = roles.newWorkspace();
        TestMember member = workspace.member(WorkspaceRole.USER);
        accountWithCodes(workspace, member, "Keeper account");
        loginAs(member.email()); // signed in before the policy changed
        Authentication memberSession = SecurityContextHolder.getContext().getAuthentication();
        signIn.asConfirmed(workspace.member(WorkspaceRole.OWNER).email());
        factors.changePolicy(SecondFactorPolicy.CODE_KEEPERS);
        SecurityContextHolder.getContext().setAuthentication(memberSession);

        openEmergencyControls("Keeper account");
        _click(_get(Button.class, spec -> spec.withId("view-codes")));

        assertThat(_get(Paragraph.class, spec -> spec.withId("confirm-factor-required"))
                        .getText())
                .contains("requires a second factor");
        assertThat(_find(PasswordField.class, spec -> spec.withId("confirm-password")))
                .isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("confirm-identity"))).isEmpty();
    }

    private void signInWithPassword(TestMember member) {
        Authentication result =
                passwords.authenticate(SignIn.attempt(member.email(), RoleFixtures.PASSWORD, "192.0.2.10"));
        SecurityContextHolder.getContext().setAuthentication(result);
        login(result);
    }

    /** Sets up an authenticator app through the service, signed in as the member; returns its secret. */
    private String enrol(TestMember member) {
        signIn.asConfirmed(member.email());
        AuthenticatorSetup setup = factors.startAuthenticatorSetup();
        factors.finishAuthenticatorSetup(codeNow(setup.secret()));
        return setup.secret();
    }

    private void accountWithCodes(TestWorkspace workspace, TestMember owner, String label) {
        var account = workspace.addAccount(label, Map.of(owner.userId(), AccountRole.OWNER));
        signIn.asConfirmed(owner.email());
        codes.saveCodes(account, CODES, Mismatch.ACCEPTED);
        signIn.out();
    }

    /** What the member's app shows now, computed from the secret as "Can't scan it?" shows it. */
    private String codeNow(String base32Secret) {
        try {
            return new TimeBasedOneTimePasswordGenerator()
                    .generateOneTimePasswordString(
                            new SecretKeySpec(base32(base32Secret), "HmacSHA1"), clock.instant());
        } catch (InvalidKeyException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }

    private static Component currentView() {
        return (Component)
                UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0);
    }

    @SuppressWarnings("unchecked")
    private static Grid<Member> grid() {
        return _get(Grid.class, spec -> spec.withId("members"));
    }

    private static List<String> buttonsOf(String email) {
        return _find(actionsOf(email), Button.class).stream()
                .map(Button::getText)
                .toList();
    }

    private static Component actionsOf(String email) {
        Grid<Member> grid = grid();
        int row = IntStream.range(0, GridKt._size(grid))
                .filter(i -> GridKt._get(grid, i).email().equals(email))
                .findFirst()
                .orElseThrow(() -> new AssertionError(email + " is not listed"));
        return GridKt._getCellComponent(grid, row, "actions");
    }
}
