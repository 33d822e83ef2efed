package dev.breakglass.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.breakglass.account.AccountOwnership;
import dev.breakglass.account.AllAccountsService;
import dev.breakglass.account.SharingService;
import dev.breakglass.security.AccountRole;
import dev.breakglass.security.NotFoundException;
import dev.breakglass.security.WorkspaceRole;
import dev.breakglass.testing.RoleFixtures;
import dev.breakglass.testing.RoleFixtures.TestMember;
import dev.breakglass.testing.RoleFixtures.TestWorkspace;
import dev.breakglass.testing.SignIn;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** What member changes do to the workspace: orphaned accounts, demotions, ownership, and their audit trail. */
@SpringBootTest
class MemberServiceTest {

    @Autowired
    MemberService members;

    @Autowired
    AllAccountsService allAccounts;

    @Autowired
    SharingService sharing;

    @Autowired
    RoleFixtures fixtures;

    @Autowired
    SignIn signIn;

    @Autowired
    UserDetailsService logins;

    TestWorkspace workspace;
    TestMember alice;
    TestMember bob;
    UUID aliceAlone;
    UUID shared;

    @BeforeEach
    void workspaceWithTwoOwners() {
        workspace = fixtures.newWorkspace();
        alice = workspace.addMember("alice", WorkspaceRole.USER);
        bob = workspace.addMember("bob", WorkspaceRole.USER);
        aliceAlone = workspace.addAccount(
                "Alice alone", Map.of(alice.userId(), AccountRole.OWNER, bob.userId(), AccountRole.COLLABORATOR));
        shared = workspace.addAccount(
                "Shared", Map.of(alice.userId(), AccountRole.OWNER, bob.userId(), AccountRole.OWNER));
        signIn.asConfirmed(workspace.member(WorkspaceRole.ADMIN).email());
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void deactivate_lastOwner_listsTheAccount_andItShowsAsOrphaned() {
        assertThat(members.accountsOnlyOwnedBy(alice.userId()))
                .extracting(AccountLabel::label)
                .containsExactly("Alice alone");

        assertThat(members.deactivate(alice.userId()))
                .extracting(AccountLabel::accountId)
                .containsExactly(aliceAlone);

        assertThatThrownBy(() -> logins.loadUserByUsername(alice.email()))
                .isInstanceOf(UsernameNotFoundException.class);
        assertThat(fixtures.lastAuditAction(workspace.id())).isEqualTo("MEMBER_DEACTIVATED");
        assertThat(fixtures.auditDetails(workspace.id(), "MEMBER_DEACTIVATED")).contains(aliceAlone.toString());
        signIn.as(workspace.member(WorkspaceRole.SUPER_ADMIN).email());
        assertThat(allAccounts.list(true, "", 0, 10))
                .extracting(AccountOwnership::label)
                .containsExactly("Alice alone");
        assertThat(allAccounts.list(false, "", 0, 10)).first().satisfies(first -> {
            assertThat(first.orphaned()).isTrue();
            assertThat(first.owners()).containsExactly("alice person (deactivated)");
        });
    }

    @Test
    void reactivate_bringsBackAccessAndOwnership() {
        members.deactivate(alice.userId());
        members.reactivate(alice.userId());

        signIn.as(alice.email());
        assertThat(sharing.people(aliceAlone).mayShare()).isTrue();
        signIn.as(workspace.member(WorkspaceRole.OWNER).email());
        assertThat(allAccounts.count(true, "")).isZero();
    }

    @Test
    void remove_dropsAllAccess_andOrphansWhatTheyOwnedAlone() {
        assertThat(members.remove(alice.userId()))
                .extracting(AccountLabel::label)
                .containsExactly("Alice alone");

        assertThat(members.list(alice.email(), 0, 10)).isEmpty();
        signIn.as(bob.email());
        assertThat(sharing.people(shared).people()).extracting(p -> p.userId()).containsExactly(bob.userId());
        assertThat(fixtures.lastAuditAction(workspace.id())).isEqualTo("MEMBER_REMOVED");
    }

    @Test
    void changeRole_toGuest_turnsOwnershipIntoCollaboration() {
        assertThat(members.changeRole(alice.userId(), WorkspaceRole.GUEST))
                .extracting(AccountLabel::label)
                .containsExactly("Alice alone");

        signIn.as(bob.email());
        assertThat(sharing.people(shared).people())
                .filteredOn(p -> p.userId().equals(alice.userId()))
                .extracting(p -> p.role())
                .containsExactly(AccountRole.COLLABORATOR);
        assertThat(fixtures.auditDetails(workspace.id(), "MEMBER_ROLE_CHANGED"))
                .contains("\"previousRole\": \"USER\"")
                .contains("\"role\": \"GUEST\"");
    }

    @Test
    void add_makesAMemberWithAOneTimeLink_andRefusesAnAddressInUse() {
        NewMember added = members.add("  New.Person@Example.TEST ", "New Person", WorkspaceRole.USER);

        assertThat(added.member().email()).isEqualTo("new.person@example.test");
        assertThat(added.member().passwordSet()).isFalse();
        assertThat(added.link().path()).startsWith("set-password/").hasSizeGreaterThan("set-password/".length() + 40);
        assertThat(added.link().toString()).doesNotContain(added.link().path());
        assertThatThrownBy(() -> members.add("new.person@example.test", "Again", WorkspaceRole.USER))
                .isInstanceOf(MemberAlreadyExistsException.class);
        assertThatThrownBy(() -> members.add(
                        workspace.member(WorkspaceRole.OWNER).email(), "Other workspace's Owner?", WorkspaceRole.USER))
                .isInstanceOf(MemberAlreadyExistsException.class);
        assertThatThrownBy(() -> members.add("not an address", "X", WorkspaceRole.USER))
                .isInstanceOf(InvalidMemberException.class)
                .hasMessageContaining("e-mail address");
        assertThatThrownBy(() -> members.add("x@example.test", " ", WorkspaceRole.USER))
                .isInstanceOf(InvalidMemberException.class)
                .hasMessageContaining("name");
    }

    @Test
    void transferOwnership_makesTheOldOwnerASuperAdmin() {
        signIn.asConfirmed(workspace.member(WorkspaceRole.OWNER).email());

        members.transferOwnership(alice.userId());

        signIn.as(alice.email());
        assertThat(members.list("", 0, 50))
                .filteredOn(m -> m.role() == WorkspaceRole.OWNER)
                .extracting(Member::userId)
                .containsExactly(alice.userId());
        assertThat(members.list("", 0, 50))
                .filteredOn(m ->
                        m.userId().equals(workspace.member(WorkspaceRole.OWNER).userId()))
                .extracting(Member::role)
                .containsExactly(WorkspaceRole.SUPER_ADMIN);
        signIn.as(workspace.member(WorkspaceRole.OWNER).email());
        assertThatThrownBy(() -> members.transferOwnership(bob.userId())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void list_searchesByNameOrAddress_pageByPage() {
        assertThat(members.count("")).isEqualTo(8);
        assertThat(members.list("ALICE", 0, 10)).extracting(Member::userId).containsExactly(alice.userId());
        assertThat(members.list("", 0, 3)).hasSize(3);
        assertThat(members.list("", 6, 3)).hasSize(2);
        assertThat(members.list("%", 0, 10)).isEmpty();
    }

    @Test
    void list_filtersByRoleAndStatus() {
        members.deactivate(bob.userId());

        assertThat(members.list(new MemberFilter("", WorkspaceRole.USER, null), 0, 10))
                .extracting(Member::userId)
                .containsExactlyInAnyOrder(workspace.member(WorkspaceRole.USER).userId(), alice.userId(), bob.userId());
        assertThat(members.list(new MemberFilter("", null, MemberStatus.DEACTIVATED), 0, 10))
                .extracting(Member::userId)
                .containsExactly(bob.userId());
        assertThat(members.count(new MemberFilter("alice", WorkspaceRole.USER, MemberStatus.ACTIVE)))
                .isOne();
        assertThat(members.count(new MemberFilter("alice", WorkspaceRole.GUEST, null)))
                .isZero();
    }
}
