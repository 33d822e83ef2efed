package dev.breakglass.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.breakglass.testing.RoleFixtures;
import dev.breakglass.testing.RoleFixtures.TestMember;
import dev.breakglass.testing.RoleFixtures.TestWorkspace;
import dev.breakglass.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;

/**
 * Sign-in through the application's real authentication provider: after wrong passwords from one address even the
 * right one is refused there for a while, saying that sign-in is paused, while the member can still sign in from
 * elsewhere; every failure is in the audit log without the password.
 */
@SpringBootTest
class LoginThrottlingTest {

    @Autowired
    AuthenticationProvider login;

    @Autowired
    RoleFixtures fixtures;

    @Test
    void afterWrongPasswords_theRightOneIsPausedAtThatAddress_butNotElsewhere_andItIsAudited() {
        TestWorkspace workspace = fixtures.newWorkspace();
        TestMember user = workspace.member(WorkspaceRole.USER);
        String address = "10.2." + workspace.number() % 250 + ".1";
        for (int i = 0; i < 6; i++) {
            assertThatThrownBy(() -> login.authenticate(SignIn.attempt(user.email(), "wrong guess 1", address)))
                    .isInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> login.authenticate(SignIn.attempt(user.email(), RoleFixtures.PASSWORD, address)))
                .isInstanceOfSatisfying(
                        SignInPausedException.class,
                        paused -> assertThat(paused.pausedFor()).isPositive());
        assertThat(fixtures.lastAuditAction(workspace.id())).isEqualTo("LOGIN_THROTTLED");
        assertThat(fixtures.auditDetails(workspace.id(), "LOGIN_FAILED"))
                .contains(address)
                .doesNotContain("wrong guess");

        assertThat(login.authenticate(SignIn.attempt(
                                user.email(), RoleFixtures.PASSWORD, "10.3." + workspace.number() % 250 + ".9"))
                        .isAuthenticated())
                .isTrue();
    }

    @Test
    void aFewWrongPasswords_thenTheRightOne_signsIn() {
        TestWorkspace workspace = fixtures.newWorkspace();
        TestMember user = workspace.member(WorkspaceRole.USER);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> login.authenticate(SignIn.attempt(user.email(), "typo", "10.4.0.1")))
                    .isInstanceOf(BadCredentialsException.class);
        }

        assertThat(login.authenticate(SignIn.attempt(user.email(), RoleFixtures.PASSWORD, "10.4.0.1"))
                        .isAuthenticated())
                .isTrue();
    }
}
