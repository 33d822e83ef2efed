package dev.breakglass.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.breakglass.backupcodes.BackupCodeService;
import dev.breakglass.backupcodes.Mismatch;
import dev.breakglass.security.AccountRole;
import dev.breakglass.security.NotFoundException;
import dev.breakglass.security.WorkspaceRole;
import dev.breakglass.testing.RoleFixtures;
import dev.breakglass.testing.RoleFixtures.TestMember;
import dev.breakglass.testing.RoleFixtures.TestWorkspace;
import dev.breakglass.testing.SignIn;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The rules of sharing that the Users tab cannot show: races for the last Owner, and what all-access does not give. */
@SpringBootTest
class SharingServiceTest {

    @Autowired
    SharingService sharing;

    @Autowired
    AllAccountsService allAccounts;

    @Autowired
    AccountService accounts;

    @Autowired
    BackupCodeService codes;

    @Autowired
    RoleFixtures fixtures;

    @Autowired
    SignIn signIn;

    TestWorkspace workspace;
    TestMember ann;
    TestMember ben;
    UUID account;

    @BeforeEach
    void accountWithTwoOwners() {
        workspace = fixtures.newWorkspace();
        ann = workspace.addMember("ann", WorkspaceRole.USER);
        ben = workspace.addMember("ben", WorkspaceRole.USER);
        account = workspace.addAccount(
                "Registrar", Map.of(ann.userId(), AccountRole.OWNER, ben.userId(), AccountRole.OWNER));
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void twoOwners_demotingEachOtherAtOnce_leaveExactlyOneOwner() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> annDemotesBen = pool.submit(demote(ann, ben, start));
            Future<Boolean> benDemotesAnn = pool.submit(demote(ben, ann, start));
            start.countDown();

            assertThat(List.of(annDemotesBen.get(), benDemotesAnn.get())).containsExactlyInAnyOrder(true, false);
        } finally {
            pool.shutdown();
        }
        signIn.asConfirmed(ann.email());
        assertThat(sharing.people(account).people())
                .filteredOn(p -> p.role() == AccountRole.OWNER)
                .hasSize(1);
    }

    @Test
    void reassigningOwners_givesTheSuperAdminNoAccessOfTheirOwn() {
        signIn.asConfirmed(ann.email());
        codes.saveCodes(account, "11111-22222\n33333-44444\n", Mismatch.ACCEPTED);
        signIn.asConfirmed(workspace.member(WorkspaceRole.SUPER_ADMIN).email());

        allAccounts.reassignOwners(account, Set.of(ben.userId()));

        assertThatThrownBy(() -> accounts.details(account)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> codes.revealCodes(account)).isInstanceOf(NotFoundException.class);
        signIn.asConfirmed(ann.email());
        assertThat(sharing.people(account).people())
                .extracting(AccountPerson::userId, AccountPerson::role)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(ben.userId(), AccountRole.OWNER),
                        org.assertj.core.groups.Tuple.tuple(ann.userId(), AccountRole.COLLABORATOR));
        assertThat(fixtures.auditDetails(workspace.id(), "OWNERS_REASSIGNED"))
                .contains(ben.userId().toString());
    }

    @Test
    void ownersAreNeverGuests_andOnlyActiveMembersAreShared() {
        TestMember guest = workspace.member(WorkspaceRole.GUEST);
        TestMember away = workspace.addMember("away", WorkspaceRole.USER);
        fixtures.deactivate(workspace.id(), away.userId());
        signIn.asConfirmed(ann.email());

        assertThatThrownBy(() -> sharing.share(account, guest.userId(), AccountRole.OWNER))
                .isInstanceOf(SharingRefusedException.class)
                .hasMessageContaining("can only be a Collaborator");
        assertThatThrownBy(() -> sharing.share(account, away.userId(), AccountRole.COLLABORATOR))
                .isInstanceOf(NotFoundException.class);
        assertThat(sharing.candidates(account, "", 0, 50))
                .extracting(Person::userId)
                .contains(guest.userId())
                .doesNotContain(away.userId(), ann.userId(), ben.userId());
        signIn.asConfirmed(workspace.member(WorkspaceRole.OWNER).email());
        assertThatThrownBy(() -> allAccounts.reassignOwners(account, Set.of(guest.userId())))
                .isInstanceOf(SharingRefusedException.class);
        assertThatThrownBy(() -> allAccounts.reassignOwners(account, Set.of()))
                .isInstanceOf(SharingRefusedException.class)
                .hasMessage("Choose at least one Owner.");
    }

    private Callable<Boolean> demote(TestMember actor, TestMember other, CountDownLatch start) {
        return () -> {
            signIn.asConfirmed(actor.email());
            try {
                start.await();
                sharing.changeRole(account, other.userId(), AccountRole.COLLABORATOR);
                return true;
            } catch (SharingRefusedException | NotFoundException refused) {
                return false;
            } finally {
                signIn.out();
            }
        };
    }
}
