package dev.breakglass.password;

import static dev.breakglass.db.Tables.SET_PASSWORD_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.breakglass.security.WorkspaceRole;
import dev.breakglass.testing.RoleFixtures;
import dev.breakglass.testing.RoleFixtures.TestMember;
import dev.breakglass.testing.RoleFixtures.TestWorkspace;
import dev.breakglass.testing.SignIn;
import dev.breakglass.workspace.MemberService;
import dev.breakglass.workspace.NewMember;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Changing one's own password, and choosing one through a one-time link that is stored only as a hash. */
@SpringBootTest
class PasswordServiceTest {

    @Autowired
    PasswordService passwords;

    @Autowired
    MemberService members;

    @Autowired
    RoleFixtures fixtures;

    @Autowired
    SignIn signIn;

    @Autowired
    AuthenticationProvider login;

    @Autowired
    DSLContext db;

    @Autowired
    SessionRegistry registry;

    TestWorkspace workspace;

    @BeforeEach
    void workspace() {
        workspace = fixtures.newWorkspace();
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void changeOwnPassword_needsTheCurrentOne_andAStrongNewOne() {
        TestMember user = workspace.member(WorkspaceRole.USER);
        signIn.as(user.email());

        assertThatThrownBy(() -> passwords.changeOwnPassword("not my password", "velvet lantern orbit"))
                .isInstanceOf(WrongPasswordException.class);
        assertThatThrownBy(() -> passwords.changeOwnPassword(RoleFixtures.PASSWORD, "password1234"))
                .isInstanceOf(WeakPasswordException.class);
        assertThat(canSignIn(user.email(), RoleFixtures.PASSWORD)).isTrue();

        passwords.changeOwnPassword(RoleFixtures.PASSWORD, "velvet lantern orbit");

        assertThat(canSignIn(user.email(), "velvet lantern orbit")).isTrue();
        assertThat(canSignIn(user.email(), RoleFixtures.PASSWORD)).isFalse();
        assertThat(fixtures.lastAuditAction(workspace.id())).isEqualTo("LOGIN_FAILED");
        assertThat(fixtures.auditDetails(workspace.id(), "PASSWORD_CHANGED")).isEqualTo("{}");
    }

    @Test
    void changeOwnPassword_endsTheMembersOtherSessions_butNotThisOne() {
        TestMember user = workspace.member(WorkspaceRole.USER);
        Object principal = signIn.as(user.email()).getPrincipal();
        registry.registerNewSession("this-browser", principal);
        registry.registerNewSession("other-laptop", principal);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSession(new MockHttpSession(null, "this-browser"));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            passwords.changeOwnPassword(RoleFixtures.PASSWORD, "velvet lantern orbit");
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }

        assertThat(registry.getSessionInformation("other-laptop").isExpired()).isTrue();
        assertThat(registry.getSessionInformation("this-browser").isExpired()).isFalse();
    }

    @Test
    void setPasswordLink_worksOnce_andOnlyItsHashIsStored() {
        signIn.as(workspace.member(WorkspaceRole.ADMIN).email());
        NewMember added = members.add("nina@ws" + workspace.number() + ".test", "Nina New", WorkspaceRole.USER);
        signIn.out();
        String token = added.link().path().substring("set-password/".length());

        assertThat(db.fetchCount(SET_PASSWORD_TOKEN, SET_PASSWORD_TOKEN.TOKEN_HASH.eq(token)))
                .isZero();
        assertThat(db.fetchCount(SET_PASSWORD_TOKEN, SET_PASSWORD_TOKEN.TOKEN_HASH.eq(PasswordService.hash(token))))
                .isOne();
        assertThat(added.link().expiresAt())
                .isBetween(
                        OffsetDateTime.now().plusHours(23), OffsetDateTime.now().plusHours(25));
        assertThat(passwords.setPasswordLinkHolder(token)).hasValue("Nina New");
        assertThat(canSignIn(added.member().email(), "")).isFalse();

        assertThatThrownBy(() -> passwords.setPasswordWithLink(token, "short"))
                .isInstanceOf(WeakPasswordException.class);
        passwords.setPasswordWithLink(token, "velvet lantern orbit");

        assertThat(canSignIn(added.member().email(), "velvet lantern orbit")).isTrue();
        assertThatThrownBy(() -> passwords.setPasswordWithLink(token, "another long passphrase"))
                .isInstanceOf(InvalidSetPasswordLinkException.class);
        assertThat(passwords.setPasswordLinkHolder(token)).isEmpty();
        assertThat(passwords.setPasswordLinkHolder("made-up")).isEmpty();
    }

    @Test
    void anExpiredLink_orAnOlderOne_doesNotWork() {
        TestMember user = workspace.member(WorkspaceRole.USER);
        signIn.asConfirmed(workspace.member(WorkspaceRole.ADMIN).email());
        String first = members.newSetPasswordLink(user.userId()).path().substring("set-password/".length());
        String second = members.newSetPasswordLink(user.userId()).path().substring("set-password/".length());
        signIn.out();

        assertThat(passwords.setPasswordLinkHolder(first)).isEmpty();
        assertThat(passwords.setPasswordLinkHolder(second)).isPresent();
        db.update(SET_PASSWORD_TOKEN)
                .set(SET_PASSWORD_TOKEN.EXPIRES_AT, OffsetDateTime.now().minusMinutes(1))
                .set(SET_PASSWORD_TOKEN.CREATED_AT, OffsetDateTime.now().minusDays(1))
                .where(SET_PASSWORD_TOKEN.USER_ID.eq(user.userId()))
                .execute();
        assertThatThrownBy(() -> passwords.setPasswordWithLink(second, "velvet lantern orbit"))
                .isInstanceOf(InvalidSetPasswordLinkException.class);
        assertThat(canSignIn(user.email(), RoleFixtures.PASSWORD)).isTrue();
    }

    private boolean canSignIn(String email, String password) {
        try {
            login.authenticate(SignIn.attempt(email, password, "10.1.1." + workspace.number() % 250));
            return true;
        } catch (BadCredentialsException | org.springframework.security.authentication.DisabledException e) {
            return false;
        }
    }
}
