package dev.breakglass.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static dev.breakglass.db.Tables.WORKSPACE_SSO;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import dev.breakglass.security.Confirmation;
import dev.breakglass.security.IdentityConfirmation;
import dev.breakglass.security.SingleSignOn;
import dev.breakglass.security.SsoChange;
import dev.breakglass.security.SsoProblem;
import dev.breakglass.security.WorkspaceRole;
import dev.breakglass.testing.KaribuTest;
import dev.breakglass.testing.RoleFixtures;
import dev.breakglass.testing.RoleFixtures.TestMember;
import dev.breakglass.testing.RoleFixtures.TestWorkspace;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Single sign-on page of the workspace Owner, and what the sign-in page shows once a provider is set. */
class SingleSignOnUiTest extends KaribuTest {

    @Autowired
    RoleFixtures roles;

    @Autowired
    DSLContext db;

    @Test
    void owner_savesAProvider_andTheSignInPageOffersIt() {
        TestWorkspace workspace = roles.newWorkspace();
        loginAs(workspace.member(WorkspaceRole.OWNER).email());
        UI.getCurrent().navigate(SingleSignOnView.ROUTE);
        assertThat(_get(Paragraph.class, spec -> spec.withId("sso-addresses")).getText())
                .contains("/login/oauth2/code/" + workspace.id(), "/logout/connect/back-channel/" + workspace.id());

        _setValue(_get(TextField.class, spec -> spec.withId("sso-name")), "Acme Okta");
        _setValue(_get(TextField.class, spec -> spec.withId("sso-issuer")), "https://acme.okta.example");
        _setValue(_get(TextField.class, spec -> spec.withId("sso-client-id")), "breakglass");
        _setValue(_get(PasswordField.class, spec -> spec.withId("sso-client-secret")), "very-secret");
        _setValue(_get(TextField.class, spec -> spec.withId("sso-domains")), "acme.example");
        _setValue(_get(Checkbox.class, spec -> spec.withId("sso-just-in-time")), true);
        _click(_get(Button.class, spec -> spec.withId("sso-save")));

        expectNotifications("Single sign-on saved.");
        assertThat(_get(PasswordField.class, spec -> spec.withId("sso-client-secret"))
                        .getHelperText())
                .contains("A secret is stored");
        var saved = db.selectFrom(WORKSPACE_SSO)
                .where(WORKSPACE_SSO.WORKSPACE_ID.eq(workspace.id()))
                .fetchSingle();
        assertThat(saved.getIssuer()).isEqualTo("https://acme.okta.example");
        assertThat(saved.getJustInTime()).isTrue();
        assertThat(saved.getClientSecretCiphertext()).doesNotContain("very-secret");
        assertThat(roles.lastAuditAction(workspace.id())).isEqualTo("SSO_SETTINGS_CHANGED");

        signIn.out();
        UI.getCurrent().navigate("login", QueryParameters.of("sso", SsoProblem.NOT_A_MEMBER.code()));
        assertThat(_find(Anchor.class, spec -> spec.withClasses("sso-button")))
                .extracting(Anchor::getText)
                .contains("Sign in with Acme Okta");
        assertThat(_get(Paragraph.class, spec -> spec.withId("sso-problem")).getText())
                .isEqualTo("You are not a member of this Breakglass workspace: ask your Breakglass admin to add you.");
    }

    @Test
    void ssoOnly_withoutABreakGlassAdmin_saysSo_andSavesNothing() {
        TestWorkspace workspace = roles.newWorkspace();
        loginAs(workspace.member(WorkspaceRole.OWNER).email());
        UI.getCurrent().navigate(SingleSignOnView.ROUTE);

        _setValue(_get(TextField.class, spec -> spec.withId("sso-name")), "Acme Okta");
        _setValue(_get(TextField.class, spec -> spec.withId("sso-issuer")), "https://acme.okta.example");
        _setValue(_get(TextField.class, spec -> spec.withId("sso-client-id")), "breakglass");
        _setValue(_get(PasswordField.class, spec -> spec.withId("sso-client-secret")), "very-secret");
        _setValue(_get(Checkbox.class, spec -> spec.withId("sso-only")), true);
        _click(_get(Button.class, spec -> spec.withId("sso-save")));

        assertThat(_get(Paragraph.class, spec -> spec.withId("sso-error")).getText())
                .contains("Name a break-glass admin");
        assertThat(_get(TextField.class, spec -> spec.withId("sso-issuer")).getValue())
                .isEqualTo("https://acme.okta.example");
        assertThat(db.fetchCount(WORKSPACE_SSO, WORKSPACE_SSO.WORKSPACE_ID.eq(workspace.id())))
                .isZero();
    }

    @Autowired
    SingleSignOn singleSignOn;

    @Autowired
    IdentityConfirmation identity;

    @Test
    void confirmItIsYou_offersTheProvider_andForAnSsoOnlyMember_refusesThePassword() {
        TestWorkspace workspace = roles.newWorkspace();
        TestMember owner = workspace.member(WorkspaceRole.OWNER);
        signIn.as(owner.email());
        singleSignOn.save(new SsoChange(
                "Acme Okta",
                "https://acme.okta.example",
                "breakglass",
                "very-secret",
                false,
                "",
                false,
                true,
                owner.userId()));
        signIn.out();
        loginAs(workspace.member(WorkspaceRole.USER).email());

        new ConfirmIdentityDialog(identity, () -> {}).open();

        Anchor provider = _get(Anchor.class, spec -> spec.withId("confirm-with-sso"));
        assertThat(provider.getText()).isEqualTo("Sign in again with Acme Okta");
        assertThat(provider.getHref()).isEqualTo("oauth2/authorization/" + workspace.id() + "?step-up=%2F");
        assertThat(_find(PasswordField.class, spec -> spec.withId("confirm-password")))
                .isEmpty();
        assertThat(_find(Paragraph.class, spec -> spec.withId("confirm-factor-required")))
                .isEmpty();
        assertThat(identity.confirm(RoleFixtures.PASSWORD, "").outcome())
                .isEqualTo(Confirmation.Outcome.FACTOR_REQUIRED);
        assertThat(identity.isRecent()).isFalse();
    }

    @Test
    void aSuperAdmin_opensThePage_andSeesNotFound() {
        TestWorkspace workspace = roles.newWorkspace();
        loginAs(workspace.member(WorkspaceRole.SUPER_ADMIN).email());

        UI.getCurrent().navigate(SingleSignOnView.ROUTE);

        assertThat(_find(Div.class, spec -> spec.withId("not-found"))).hasSize(1);
        assertThat(_find(TextField.class, spec -> spec.withId("sso-issuer"))).isEmpty();
    }
}
