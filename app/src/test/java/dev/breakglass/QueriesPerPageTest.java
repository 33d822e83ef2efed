package dev.breakglass;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakglass.account.AllAccountsService;
import dev.breakglass.account.SharingService;
import dev.breakglass.security.AccountRole;
import dev.breakglass.security.WorkspaceRole;
import dev.breakglass.testing.RoleFixtures;
import dev.breakglass.testing.RoleFixtures.TestWorkspace;
import dev.breakglass.testing.QueryCounter;
import dev.breakglass.testing.SignIn;
import dev.breakglass.workspace.MemberService;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The admin lists cost the same number of queries whatever the number of rows: the permission check and one
 * query for the page, never one per row.
 */
@SpringBootTest
class QueriesPerPageTest {

    @Autowired
    QueryCounter queryCounter;
    @Autowired
    RoleFixtures fixtures;
    @Autowired
    SignIn signIn;
    @Autowired
    MemberService members;
    @Autowired
    AllAccountsService allAccounts;
    @Autowired
    SharingService sharing;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void aPageOfMembersAccountsOrPeople_takesTwoQueries_atAnySize() {
        TestWorkspace workspace = fixtures.newWorkspace();
        Map<UUID, AccountRole> everyone = new HashMap<>();
        for (int i = 0; i < 60; i++) {
            everyone.put(workspace.addMember("member" + i, WorkspaceRole.USER).userId(), i < 30 ? AccountRole.OWNER : AccountRole.COLLABORATOR);
        }
        everyone.put(workspace.member(WorkspaceRole.OWNER).userId(), AccountRole.OWNER);
        UUID account = null;
        for (int i = 0; i < 40; i++) {
            account = workspace.addAccount("Account " + i, everyone);
        }
        signIn.as(workspace.member(WorkspaceRole.OWNER).email());

        assertThat(queries(() -> assertThat(members.list("", 0, 50)).hasSize(50))).isEqualTo(2);
        assertThat(queries(() -> assertThat(allAccounts.list(false, "", 0, 40)).allSatisfy(a -> assertThat(a.owners()).hasSize(31))))
                .isEqualTo(2);
        UUID last = account;
        assertThat(queries(() -> assertThat(sharing.people(last).people()).hasSize(61))).isEqualTo(2);
    }

    private int queries(Runnable call) {
        return queryCounter.during(call);
    }
}
