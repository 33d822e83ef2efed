package dev.breakglass.security;

import static dev.breakglass.db.Tables.APP_USER;
import static dev.breakglass.db.Tables.WORKSPACE_MEMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.breakglass.Application;
import dev.breakglass.crypto.CodeCipher;
import dev.breakglass.testing.RoleFixtures;
import dev.breakglass.testing.RoleFixtures.TestMember;
import dev.breakglass.testing.RoleFixtures.TestWorkspace;
import dev.breakglass.testing.SignIn;
import dev.breakglass.workspace.MemberService;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import testprovider.TestIdentityProvider;

/**
 * Single sign-on set by the server's settings ({@code breakglass.sso.*}) for the demo workspace Acme, with single
 * sign-on as the only way in and Adam Admin as the break-glass admin, against the real test provider; and the
 * start-up check that refuses such settings without a break-glass admin who is a member.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class SsoServerSettingsTest {

    private static final TestIdentityProvider provider = TestIdentityProvider.shared();
    private static final String NAME = "Acme Entra";
    private static final String ADMIN = "admin@acme.test";
    /** The demo members' published password. */
    private static final String DEMO_PASSWORD = "breakglass-demo";

    @DynamicPropertySource
    static void serverSettings(DynamicPropertyRegistry registry) {
        registry.add("breakglass.sso.issuer", provider::issuer);
        registry.add("breakglass.sso.client-id", () -> TestIdentityProvider.CLIENT_ID);
        registry.add("breakglass.sso.client-secret", provider::clientSecret);
        registry.add("breakglass.sso.name", () -> NAME);
        registry.add("breakglass.sso.workspace", () -> "Acme");
        registry.add("breakglass.sso.allowed-domains", () -> "acme.test");
        registry.add("breakglass.sso.sso-only", () -> "true");
        registry.add("breakglass.sso.break-glass-admin", () -> ADMIN);
    }

    @LocalServerPort
    int port;

    @Autowired
    RoleFixtures fixtures;

    @Autowired
    SignIn signIn;

    @Autowired
    SingleSignOn singleSignOn;

    @Autowired
    SignedInSessions sessions;

    @Autowired
    SsoRepository repository;

    @Autowired
    CodeCipher cipher;

    @Autowired
    DSLContext db;

    @Autowired
    MemberService members;

    TestWorkspace acme;

    @BeforeEach
    void allowTheRedirect() {
        acme = fixtures.demoWorkspace();
        provider.allowRedirect("http://localhost:" + port + "/login/oauth2/code/" + acme.id());
        provider.ignorePromptLogin(false);
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    private HttpResponse<String> signInWithProvider(SsoBrowser browser, String email) throws Exception {
        return browser.signInWithProvider("/oauth2/authorization/" + acme.id(), provider.add(email, true));
    }

    private UUID memberId(String email) {
        return repository.memberByEmail(acme.id(), email).orElseThrow();
    }

    @Test
    void theSignInPage_offersSignInWithTheNameOfTheSettings() {
        assertThat(singleSignOn.providers())
                .containsExactly(new SingleSignOn.Provider(acme.id(), NAME, "oauth2/authorization/" + acme.id()));
    }

    @Test
    void aMember_signsInThroughTheProvider_asThatMember() throws Exception {
        SsoBrowser browser = new SsoBrowser(port);

        HttpResponse<String> answer = signInWithProvider(browser, "alice@acme.test");

        assertThat(browser.authorizationRequest).startsWith(provider.issuer() + "/oauth2/authorize?");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(browser.signedIn()).isTrue();
        // The session is Alice's: ending her sessions ends it.
        assertThat(sessions.endAllOf(memberId("alice@acme.test"))).isEqualTo(1);
        assertThat(browser.signedIn()).isFalse();
    }

    @Test
    void theOwner_seesTheSettings_andCannotChangeThem() {
        signIn.as("owner@acme.test");

        SsoSettings settings = singleSignOn.settings("http://localhost:" + port);

        assertThat(settings.configured()).isTrue();
        assertThat(settings.fromServerSettings()).isTrue();
        assertThat(settings.displayName()).isEqualTo(NAME);
        assertThat(settings.issuer()).isEqualTo(provider.issuer());
        assertThat(settings.clientId()).isEqualTo(TestIdentityProvider.CLIENT_ID);
        assertThat(settings.secretInSettings()).isTrue();
        assertThat(settings.secretStored()).isFalse();
        assertThat(settings.allowedDomains()).containsExactly("acme.test");
        assertThat(settings.ssoOnly()).isTrue();
        assertThat(settings.breakGlassAdminId()).isEqualTo(memberId(ADMIN));
        assertThat(settings.breakGlassAdminMissing()).isFalse();
        assertThatThrownBy(() -> singleSignOn.save(
                        new SsoChange("Other", provider.issuer(), "other", "", false, "", false, false, null)))
                .isInstanceOf(InvalidSsoSettingsException.class)
                .hasMessageContaining("breakglass.sso.*");
        assertThat(singleSignOn.settings("http://localhost:" + port).displayName())
                .isEqualTo(NAME);
    }

    @Test
    void theSettings_areTheOwnersOnly() {
        signIn.as(ADMIN);

        assertThatThrownBy(() -> singleSignOn.settings("http://localhost:" + port))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void ssoOnly_letsTheBreakGlassAdminsPasswordIn_butNoOtherMembers() throws Exception {
        assertThat(new SsoBrowser(port).signInWithPassword(ADMIN, DEMO_PASSWORD))
                .isEqualTo("http://localhost:" + port + "/");
        assertThat(new SsoBrowser(port).signInWithPassword("bob@acme.test", DEMO_PASSWORD))
                .endsWith("/login?error");
        assertThat(new SsoBrowser(port).signInWithPassword("owner@acme.test", DEMO_PASSWORD))
                .endsWith("/login?error");
    }

    @Test
    void aBreakGlassAdminWhoIsNoMemberAnyMore_letsPasswordsIn_andThePageAndTheLogSaySo(CapturedOutput output)
            throws Exception {
        UUID admin = memberId(ADMIN);
        db.update(APP_USER)
                .set(APP_USER.EMAIL, "former-admin@acme.test")
                .where(APP_USER.ID.eq(admin))
                .execute();
        try {
            assertThat(new SsoBrowser(port).signInWithPassword("bob@acme.test", DEMO_PASSWORD))
                    .isEqualTo("http://localhost:" + port + "/");
            signIn.as("owner@acme.test");
            SsoSettings settings = singleSignOn.settings("http://localhost:" + port);
            assertThat(settings.ssoOnly()).isFalse();
            assertThat(settings.breakGlassAdminMissing()).isTrue();
            assertThat(output.getAll())
                    .contains("SINGLE SIGN-ON IS NOT THE ONLY WAY IN: breakglass.sso.sso-only is true, but "
                            + "breakglass.sso.break-glass-admin (admin@acme.test) is no active member of the workspace "
                            + acme.id());
        } finally {
            db.update(APP_USER)
                    .set(APP_USER.EMAIL, ADMIN)
                    .where(APP_USER.ID.eq(admin))
                    .execute();
        }
        assertThat(singleSignOn.settings("http://localhost:" + port).breakGlassAdminMissing())
                .isFalse();
    }

    @Test
    void theClientSecret_neverReachesTheLog(CapturedOutput output) throws Exception {
        SsoBrowser browser = new SsoBrowser(port);
        signInWithProvider(browser, "gina@acme.test");
        assertThat(browser.signedIn()).isTrue();
        signIn.as("owner@acme.test");
        singleSignOn.settings("http://localhost:" + port);
        new SsoBrowser(port).signInWithPassword("bob@acme.test", DEMO_PASSWORD);
        signInWithProvider(new SsoBrowser(port), "stranger-" + UUID.randomUUID() + "@acme.test");

        assertThat(output.getAll())
                .contains("Single sign-on for workspace " + acme.id() + " refused")
                .doesNotContain(provider.clientSecret());
    }

    private static SsoServerSettings ssoOnly(String workspace, String breakGlassAdmin) {
        return new SsoServerSettings(
                NAME,
                "https://idp.example.test",
                "breakglass",
                "",
                "",
                false,
                true,
                breakGlassAdmin,
                workspace,
                Duration.ofSeconds(10));
    }

    private void check(SsoServerSettings settings) {
        new SsoSettingsCheck(settings, repository).check();
    }

    @Test
    void startUp_withSsoOnlyAndNoBreakGlassAdmin_isRefusedWithASentence() {
        assertThatThrownBy(() -> check(ssoOnly("Acme", "")))
                .isInstanceOf(SsoSettingsCheck.BreakGlassAdminMissingException.class)
                .hasMessage("breakglass.sso.sso-only is true, but breakglass.sso.break-glass-admin is empty: nobody "
                        + "could sign in with a password if the identity provider fails.");
    }

    @Test
    void startUp_withABreakGlassAdminWhoIsNoMember_isRefusedWithASentence() {
        assertThatThrownBy(() -> check(ssoOnly("Acme", "nobody@acme.test")))
                .isInstanceOf(SsoSettingsCheck.BreakGlassAdminMissingException.class)
                .hasMessage(
                        "breakglass.sso.break-glass-admin is nobody@acme.test, but no active member of the workspace "
                                + "\"Acme\" has that e-mail address, so single sign-on cannot be the only way in.");
        // A member of another workspace is no member of this one.
        TestWorkspace other = fixtures.newWorkspace();
        String elsewhere = other.member(WorkspaceRole.OWNER).email();
        assertThatThrownBy(() -> check(ssoOnly("Acme", elsewhere)))
                .isInstanceOf(SsoSettingsCheck.BreakGlassAdminMissingException.class);
        check(ssoOnly("Acme", ADMIN));
        check(ssoOnly("Test " + other.number(), elsewhere));
    }

    @Test
    void startUp_withABreakGlassAdminWhoIsDeactivated_isRefused() {
        TestWorkspace workspace = fixtures.newWorkspace();
        TestMember admin = workspace.member(WorkspaceRole.ADMIN);
        check(ssoOnly("Test " + workspace.number(), admin.email()));

        db.update(WORKSPACE_MEMBER)
                .set(WORKSPACE_MEMBER.STATUS, "DEACTIVATED")
                .where(WORKSPACE_MEMBER.USER_ID.eq(admin.userId()))
                .execute();

        assertThatThrownBy(() -> check(ssoOnly("Test " + workspace.number(), admin.email())))
                .isInstanceOf(SsoSettingsCheck.BreakGlassAdminMissingException.class)
                .hasMessageContaining("no active member");
    }

    @Test
    void theBreakGlassAdmin_cannotBeDeactivatedOrRemoved_whileSsoIsTheOnlyWayIn() {
        UUID admin = memberId(ADMIN);
        signIn.as("owner@acme.test");

        assertThatThrownBy(() -> members.deactivate(admin))
                .isInstanceOf(BreakGlassAdminNeededException.class)
                .hasMessage("This member is the break-glass admin: while single sign-on is the only way in, theirs is "
                        + "the one password that still works if the identity provider fails. Name another member in "
                        + "the server's breakglass.sso.break-glass-admin setting first.");
        assertThatThrownBy(() -> members.remove(admin)).isInstanceOf(BreakGlassAdminNeededException.class);

        assertThat(repository.activeMemberByEmail(acme.id(), ADMIN)).contains(admin);
    }

    @Test
    void theRefusal_tellsTheOperatorWhatToDo() {
        var refusal = new SsoSettingsCheck.BreakGlassAdminMissingException("The settings are wrong.");

        FailureAnalysis analysis =
                new SsoSettingsFailureAnalyzer().analyze(new IllegalStateException("Failed to start", refusal));

        assertThat(analysis.getDescription()).isEqualTo("The settings are wrong.");
        assertThat(analysis.getAction()).contains("breakglass.sso.break-glass-admin", "start Breakglass again");
    }

    @Test
    void startUp_beforeTheWorkspaceExists_warns_andWarnsAgainOnceItExists_withPasswordsStillWorking(
            CapturedOutput output) {
        check(ssoOnly("Not created yet", "nobody@later.test"));
        assertThat(output.getAll())
                .contains("the workspace \"Not created yet\" does not exist yet, so the break-glass admin "
                        + "nobody@later.test could not be checked");

        TestWorkspace later = fixtures.newWorkspace();
        SsoRegistrations registrations =
                new SsoRegistrations(repository, ssoOnly("Test " + later.number(), "nobody@later.test"), cipher, "");
        SsoConfig config = registrations.fromSettings().orElseThrow();

        assertThat(config.workspaceId()).isEqualTo(later.id());
        assertThat(config.ssoOnly()).isFalse();
        assertThat(output.getAll())
                .contains("SINGLE SIGN-ON IS NOT THE ONLY WAY IN: breakglass.sso.sso-only is true, but "
                        + "breakglass.sso.break-glass-admin (nobody@later.test) is no active member of the workspace "
                        + later.id());
        int warnings = output.getAll().split("SINGLE SIGN-ON IS NOT THE ONLY WAY IN", -1).length;
        registrations.fromSettings();
        assertThat(output.getAll().split("SINGLE SIGN-ON IS NOT THE ONLY WAY IN", -1))
                .hasSize(warnings);
    }

    @Test
    void aServer_whoseBreakGlassAdminIsNoMember_doesNotStart(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(Application.class)
                        .properties(
                                "server.port=0",
                                "breakglass.sso.issuer=https://idp.example.test",
                                "breakglass.sso.client-id=breakglass",
                                "breakglass.sso.sso-only=true",
                                "breakglass.sso.break-glass-admin=nobody@acme.test")
                        .run())
                .satisfies(failure -> assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
                        .isInstanceOf(SsoSettingsCheck.BreakGlassAdminMissingException.class));
        assertThat(output.getAll())
                .contains(
                        "APPLICATION FAILED TO START",
                        "no active member of the oldest workspace",
                        "start Breakglass again");
    }
}
