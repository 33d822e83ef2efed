package dev.breakglass.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakglass.testing.RoleFixtures;
import dev.breakglass.testing.RoleFixtures.TestMember;
import dev.breakglass.testing.RoleFixtures.TestWorkspace;
import dev.breakglass.testing.SignIn;
import dev.breakglass.workspace.MemberService;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.session.HttpSessionCreatedEvent;

/** Deactivating, removing or changing the role of a member ends their open sessions at once, and nobody else's. */
@SpringBootTest
class DeactivationEndsSessionsTest {

    @Autowired
    MemberService members;

    @Autowired
    RoleFixtures fixtures;

    @Autowired
    SignIn signIn;

    @Autowired
    SessionRegistry registry;

    @Autowired
    UserDetailsService logins;

    @Autowired
    ApplicationEventPublisher events;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void deactivate_invalidatesEverySessionOfTheMember() {
        TestWorkspace workspace = fixtures.newWorkspace();
        TestMember leaving = workspace.member(WorkspaceRole.USER);
        TestMember staying = workspace.member(WorkspaceRole.GUEST);
        MockHttpSession laptop = signedInSession(leaving);
        MockHttpSession phone = signedInSession(leaving);
        MockHttpSession someoneElse = signedInSession(staying);

        signIn.as(workspace.member(WorkspaceRole.ADMIN).email());
        members.deactivate(leaving.userId());

        assertThat(laptop.isInvalid()).isTrue();
        assertThat(phone.isInvalid()).isTrue();
        assertThat(registry.getSessionInformation(laptop.getId()).isExpired()).isTrue();
        assertThat(someoneElse.isInvalid()).isFalse();
    }

    @Test
    void remove_invalidatesTheSessions_too() {
        TestWorkspace workspace = fixtures.newWorkspace();
        TestMember leaving = workspace.member(WorkspaceRole.LOGIN_ONLY);
        MockHttpSession session = signedInSession(leaving);

        signIn.as(workspace.member(WorkspaceRole.SUPER_ADMIN).email());
        members.remove(leaving.userId());

        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void roleChange_endsTheSessions_soTheNewRoleAppliesAtTheNextSignIn() {
        TestWorkspace workspace = fixtures.newWorkspace();
        TestMember demoted = workspace.member(WorkspaceRole.ADMIN);
        MockHttpSession session = signedInSession(demoted);

        signIn.asConfirmed(workspace.member(WorkspaceRole.OWNER).email());
        members.changeRole(demoted.userId(), WorkspaceRole.USER);

        assertThat(session.isInvalid()).isTrue();
    }

    /** A session as a real sign-in leaves it: created (the servlet container tells Spring) and registered to the member. */
    private MockHttpSession signedInSession(TestMember member) {
        MockHttpSession session = new MockHttpSession(null, UUID.randomUUID().toString());
        events.publishEvent(new HttpSessionCreatedEvent(session));
        registry.registerNewSession(session.getId(), logins.loadUserByUsername(member.email()));
        return session;
    }
}
