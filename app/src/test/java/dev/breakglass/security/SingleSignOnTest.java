package dev.breakglass.security;

import static dev.breakglass.db.Tables.APP_USER;
import static dev.breakglass.db.Tables.AUDIT_EVENT;
import static dev.breakglass.db.Tables.WORKSPACE_MEMBER;
import static dev.breakglass.db.Tables.WORKSPACE_SSO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.breakglass.testing.RoleFixtures;
import dev.breakglass.testing.RoleFixtures.TestMember;
import dev.breakglass.testing.RoleFixtures.TestWorkspace;
import dev.breakglass.testing.SignIn;
import dev.breakglass.testing.TestClock;
import dev.breakglass.workspace.MemberService;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import testprovider.TestIdentityProvider;
import testprovider.TestIdentityProvider.Person;

/**
 * Single sign-on over real HTTP against a real OpenID provider (Spring Authorization Server in this JVM, on
 * 127.0.0.1): discovery, the authorization code flow with PKCE, how people are matched to members, the sentences
 * of the sign-in page, SSO as the only way in, back-channel logout and the step-up with a fresh provider sign-in.
 * Each test configures a fresh workspace through the Single sign-on service, as its Owner would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class SingleSignOnTest {

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
    TestClock clock;

    @Autowired
    DSLContext db;

    @Autowired
    MemberService members;

    final TestIdentityProvider provider = TestIdentityProvider.shared();
    TestWorkspace workspace;
    TestMember owner;

    @BeforeEach
    void newWorkspace() {
        clock.reset();
        workspace = fixtures.newWorkspace();
        owner = workspace.member(WorkspaceRole.OWNER);
        provider.allowRedirect("http://localhost:" + port + "/login/oauth2/code/" + workspace.id());
        provider.ignorePromptLogin(false);
    }

    @AfterEach
    void signOut() {
        signIn.out();
        clock.reset();
    }

    private void configure(String issuer, String secret, String domains, boolean justInTime) {
        configure(issuer, secret, domains, justInTime, false, null);
    }

    private void configure(
            String issuer, String secret, String domains, boolean justInTime, boolean ssoOnly, UUID breakGlassAdmin) {
        signIn.as(owner.email());
        singleSignOn.save(new SsoChange(
                "Test IdP",
                issuer,
                TestIdentityProvider.CLIENT_ID,
                secret,
                false,
                domains,
                justInTime,
                ssoOnly,
                breakGlassAdmin));
        signIn.out();
    }

    private void configure() {
        configure(provider.issuer(), provider.clientSecret(), "", false);
    }

    private String start() {
        return "/oauth2/authorization/" + workspace.id();
    }

    private record ProviderSession(Person person, SsoBrowser browser) {}

    /** With the provider configured, a User of the workspace signed in through it in a browser of their own. */
    private ProviderSession signedInUserWithProvider() throws Exception {
        configure();
        Person person = provider.add(workspace.member(WorkspaceRole.USER).email(), true);
        SsoBrowser browser = new SsoBrowser(port);
        signInAs(browser, person);
        return new ProviderSession(person, browser);
    }

    private HttpResponse<String> signInAs(SsoBrowser browser, Person person) throws Exception {
        return browser.signInWithProvider(start(), person);
    }

    private static void assertRefused(HttpResponse<String> response, SsoProblem problem) {
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(SsoBrowser.location(response)).endsWith("/login?sso=" + problem.code());
    }

    private long audited(String action) {
        return db.fetchCount(
                AUDIT_EVENT, AUDIT_EVENT.WORKSPACE_ID.eq(workspace.id()).and(AUDIT_EVENT.ACTION.eq(action)));
    }

    @Test
    void member_signsInWithProvider_withPkce_andLandsInTheApp() throws Exception {
        configure();
        TestMember user = workspace.member(WorkspaceRole.USER);
        SsoBrowser browser = new SsoBrowser(port);
        assertThat(browser.signedIn()).isFalse();

        HttpResponse<String> answer = signInAs(browser, provider.add(user.email(), true));

        // Discovery found the provider's authorization endpoint; PKCE with S256 (the provider also insists on it).
        assertThat(browser.authorizationRequest)
                .startsWith(provider.issuer() + "/oauth2/authorize?")
                .contains("code_challenge=", "code_challenge_method=S256", "scope=openid", "nonce=");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("url=/\"");
        assertThat(browser.signedIn()).isTrue();
        assertThat(audited("LOGIN_WITH_SSO")).isEqualTo(1);
        assertThat(audited("SSO_LINKED")).isEqualTo(1);
        // The session is registered like a password one: ending the member's sessions ends it.
        assertThat(sessions.endAllOf(user.userId())).isEqualTo(1);
        assertThat(browser.signedIn()).isFalse();
    }

    @Test
    void theClientSecret_isStoredEncrypted_neverInPlaintext() {
        configure();
        String stored = db.select(WORKSPACE_SSO.CLIENT_SECRET_CIPHERTEXT)
                .from(WORKSPACE_SSO)
                .where(WORKSPACE_SSO.WORKSPACE_ID.eq(workspace.id()))
                .fetchSingle(WORKSPACE_SSO.CLIENT_SECRET_CIPHERTEXT);
        assertThat(stored).startsWith("local:").doesNotContain(provider.clientSecret());
    }

    @Test
    void aPersonWhoIsNotAMember_isRefused_withASentence() throws Exception {
        configure();
        SsoBrowser browser = new SsoBrowser(port);

        assertRefused(
                signInAs(browser, provider.add("stranger-" + UUID.randomUUID() + "@elsewhere.test", true)),
                SsoProblem.NOT_A_MEMBER);
        assertThat(browser.signedIn()).isFalse();
        assertThat(browser.get("/login?sso=not-member").statusCode()).isEqualTo(200);
        assertThat(SsoProblem.NOT_A_MEMBER.sentence()).contains("ask your Breakglass admin to add you");
    }

    @Test
    void anUnverifiedEmail_isRefused_evenOfAMember() throws Exception {
        configure();
        SsoBrowser browser = new SsoBrowser(port);

        assertRefused(
                signInAs(
                        browser,
                        provider.add(workspace.member(WorkspaceRole.USER).email(), false)),
                SsoProblem.EMAIL_NOT_VERIFIED);
        assertThat(browser.signedIn()).isFalse();
    }

    @Test
    void justInTime_addsAPersonOfAnAllowedDomain_asUser_andAudits() throws Exception {
        String domain = "jit" + workspace.number() + ".test";
        configure(provider.issuer(), provider.clientSecret(), domain, true);
        String email = "newcomer-" + UUID.randomUUID() + "@" + domain;
        SsoBrowser browser = new SsoBrowser(port);

        signInAs(browser, provider.add(email, true));

        assertThat(browser.signedIn()).isTrue();
        UUID joined = db.select(APP_USER.ID)
                .from(APP_USER)
                .where(APP_USER.EMAIL.eq(email))
                .fetchSingle(APP_USER.ID);
        assertThat(db.select(WORKSPACE_MEMBER.ROLE)
                        .from(WORKSPACE_MEMBER)
                        .where(WORKSPACE_MEMBER.WORKSPACE_ID.eq(workspace.id()))
                        .and(WORKSPACE_MEMBER.USER_ID.eq(joined))
                        .fetchSingle(WORKSPACE_MEMBER.ROLE))
                .isEqualTo("USER");
        assertThat(audited("SSO_MEMBER_JOINED")).isEqualTo(1);

        // Another domain does not join, and is told why.
        assertRefused(
                signInAs(new SsoBrowser(port), provider.add("other-" + UUID.randomUUID() + "@elsewhere.test", true)),
                SsoProblem.DOMAIN_NOT_ALLOWED);
    }

    @Test
    void withoutJustInTime_aPersonOfAnAllowedDomain_isStillNotAMember() throws Exception {
        String domain = "nojit" + workspace.number() + ".test";
        configure(provider.issuer(), provider.clientSecret(), domain, false);

        assertRefused(
                signInAs(new SsoBrowser(port), provider.add("someone-" + UUID.randomUUID() + "@" + domain, true)),
                SsoProblem.NOT_A_MEMBER);
        assertThat(db.fetchCount(APP_USER, APP_USER.EMAIL.like("someone-%@" + domain)))
                .isZero();
    }

    @Test
    void aChangedEmailAtTheProvider_keepsTheLink_throughTheSubject() throws Exception {
        configure();
        TestMember user = workspace.member(WorkspaceRole.USER);
        Person person = provider.add(user.email(), true);
        signInAs(new SsoBrowser(port), person);

        person.email = "renamed-" + UUID.randomUUID() + "@elsewhere.test";
        person.verified = false;
        SsoBrowser later = new SsoBrowser(port);
        signInAs(later, person);

        assertThat(later.signedIn()).isTrue();
        assertThat(sessions.endAllOf(user.userId())).isEqualTo(2);
    }

    @Test
    void anUnreachableProvider_isASentence_notAnError() throws Exception {
        configure("http://127.0.0.1:1", "some-secret", "", false);
        SsoBrowser browser = new SsoBrowser(port);

        assertRefused(browser.get(start()), SsoProblem.UNREACHABLE);
    }

    @Test
    void aWrongClientSecret_isASentence() throws Exception {
        configure(provider.issuer(), "not-the-secret", "", false);

        assertRefused(
                signInAs(
                        new SsoBrowser(port),
                        provider.add(workspace.member(WorkspaceRole.USER).email(), true)),
                SsoProblem.WRONG_SECRET);
    }

    @Test
    void ssoOnly_refusesPasswords_butTheBreakGlassAdmins() throws Exception {
        TestMember admin = workspace.member(WorkspaceRole.ADMIN);
        configure(provider.issuer(), provider.clientSecret(), "", false, true, admin.userId());

        assertThat(passwordSignIn(workspace.member(WorkspaceRole.USER).email())).endsWith("/login?error");
        assertThat(passwordSignIn(owner.email())).endsWith("/login?error");
        assertThat(passwordSignIn(admin.email())).isEqualTo("http://localhost:" + port + "/");
        // The provider still signs everyone in.
        SsoBrowser browser = new SsoBrowser(port);
        signInAs(browser, provider.add(workspace.member(WorkspaceRole.USER).email(), true));
        assertThat(browser.signedIn()).isTrue();
    }

    @Test
    void ssoOnly_keepsItsBreakGlassAdmin_fromBeingDeactivatedOrRemoved_untilAnotherIsChosen() throws Exception {
        TestMember admin = workspace.member(WorkspaceRole.ADMIN);
        TestMember next = workspace.addMember("next-admin", WorkspaceRole.ADMIN);
        configure(provider.issuer(), provider.clientSecret(), "", false, true, admin.userId());
        signIn.as(owner.email());

        assertThatThrownBy(() -> members.deactivate(admin.userId()))
                .isInstanceOf(BreakGlassAdminNeededException.class)
                .hasMessageEndingWith("Choose another break-glass admin on the Single sign-on page first.");
        assertThatThrownBy(() -> members.remove(admin.userId())).isInstanceOf(BreakGlassAdminNeededException.class);
        assertThat(passwordSignIn(admin.email()))
                .as("their password still opens the workspace")
                .isEqualTo("http://localhost:" + port + "/");

        configure(provider.issuer(), "", "", false, true, next.userId());
        signIn.as(owner.email());
        members.deactivate(admin.userId());
        assertThatThrownBy(() -> members.deactivate(next.userId())).isInstanceOf(BreakGlassAdminNeededException.class);
    }

    @Test
    void ssoOnly_withoutABreakGlassAdmin_isNotSaved() {
        signIn.as(owner.email());
        assertThatThrownBy(() -> singleSignOn.save(new SsoChange(
                        "Test IdP",
                        provider.issuer(),
                        TestIdentityProvider.CLIENT_ID,
                        "secret",
                        false,
                        "",
                        false,
                        true,
                        null)))
                .isInstanceOf(InvalidSsoSettingsException.class)
                .hasMessageContaining("break-glass admin");
        assertThat(db.fetchCount(WORKSPACE_SSO, WORKSPACE_SSO.WORKSPACE_ID.eq(workspace.id())))
                .isZero();
    }

    private String passwordSignIn(String email) throws Exception {
        return new SsoBrowser(port).signInWithPassword(email, RoleFixtures.PASSWORD);
    }

    @Test
    void backChannelLogout_endsThePersonsSessions_andAForgedTokenDoesNot() throws Exception {
        ProviderSession signedIn = signedInUserWithProvider();
        Person person = signedIn.person();
        SsoBrowser browser = signedIn.browser();
        assertThat(browser.signedIn()).isTrue();
        String logout = "/logout/connect/back-channel/" + workspace.id();

        SsoBrowser providerServer = new SsoBrowser(port);
        assertThat(providerServer
                        .post(
                                logout,
                                "logout_token="
                                        + TestIdentityProvider.forgedLogoutToken(provider.issuer(), person.subject))
                        .statusCode())
                .isEqualTo(400);
        assertThat(browser.signedIn()).isTrue();

        assertThat(providerServer
                        .post(logout, "logout_token=" + provider.logoutToken(person.subject))
                        .statusCode())
                .isEqualTo(200);
        assertThat(browser.signedIn()).isFalse();
        assertThat(audited("SSO_LOGGED_OUT_BY_PROVIDER")).isEqualTo(1);
    }

    @Test
    void stepUp_asksTheProviderForAFreshSignIn_andConfirmsTheSession() throws Exception {
        ProviderSession signedIn = signedInUserWithProvider();
        Person person = signedIn.person();
        SsoBrowser browser = signedIn.browser();
        BreakglassUserDetails details = detailsOf(browser);
        assertThat(details.identityConfirmedAt()).isNull();

        HttpResponse<String> answer = browser.signInWithProvider(start() + "?step-up=/accounts/x", person);

        assertThat(browser.authorizationRequest).contains("prompt=login", "max_age=0");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("url=/accounts/x\"");
        assertThat(details.identityConfirmedAt()).isNotNull();
        assertThat(audited("SSO_IDENTITY_CONFIRMED")).isEqualTo(1);
    }

    @Test
    void stepUp_whenTheProviderDidNotAskAgain_confirmsNothing() throws Exception {
        ProviderSession signedIn = signedInUserWithProvider();
        Person person = signedIn.person();
        SsoBrowser browser = signedIn.browser();
        BreakglassUserDetails details = detailsOf(browser);
        provider.ignorePromptLogin(true);
        person.signedInAt = Instant.now().minus(1, ChronoUnit.HOURS);

        assertRefused(browser.signInWithProvider(start() + "?step-up=/", person), SsoProblem.NOT_FRESH);

        assertThat(details.identityConfirmedAt()).isNull();
        assertThat(browser.signedIn()).isTrue();
    }

    @Test
    void noClientSecretOrToken_reachesTheLog(CapturedOutput output) throws Exception {
        configure();
        TestMember user = workspace.member(WorkspaceRole.USER);
        SsoBrowser browser = new SsoBrowser(port);
        int before = provider.issuedTokens().size();
        signInAs(browser, provider.add(user.email(), true));
        assertRefused(
                signInAs(new SsoBrowser(port), provider.add("nobody-" + UUID.randomUUID() + "@x.test", true)),
                SsoProblem.NOT_A_MEMBER);
        configure(provider.issuer(), "wrong-" + UUID.randomUUID(), "", false);
        assertRefused(signInAs(new SsoBrowser(port), provider.add(user.email(), true)), SsoProblem.WRONG_SECRET);

        var tokens =
                provider.issuedTokens().subList(before, provider.issuedTokens().size());
        assertThat(tokens).isNotEmpty();
        assertThat(output.getAll()).contains("Single sign-on").doesNotContain(provider.clientSecret());
        for (String token : tokens) {
            assertThat(output.getAll()).doesNotContain(token);
        }
    }

    private BreakglassUserDetails detailsOf(SsoBrowser browser) {
        String id = browser.appSession().orElseThrow();
        Object context = sessions.find(id)
                .orElseThrow()
                .getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        return (BreakglassUserDetails)
                ((SecurityContext) context).getAuthentication().getPrincipal();
    }
}
