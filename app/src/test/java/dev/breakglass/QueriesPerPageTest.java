package dev.breakglass;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakglass.account.AccountService;
import dev.breakglass.account.AllAccountsService;
import dev.breakglass.account.CardFilter;
import dev.breakglass.account.CardSort;
import dev.breakglass.account.SharingService;
import dev.breakglass.backupcodes.BackupCodeService;
import dev.breakglass.backupcodes.Mismatch;
import dev.breakglass.security.AccountRole;
import dev.breakglass.security.WorkspaceRole;
import dev.breakglass.testing.QueryCounter;
import dev.breakglass.testing.RoleFixtures;
import dev.breakglass.testing.RoleFixtures.TestMember;
import dev.breakglass.testing.RoleFixtures.TestWorkspace;
import dev.breakglass.testing.SignIn;
import dev.breakglass.workspace.MemberService;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The lists cost the same number of queries whatever the number of rows: the permission check (where there is
 * one) and one query for the page, never one per row.
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

    @Autowired
    AccountService accounts;

    @Autowired
    BackupCodeService codes;

    @Autowired
    DSLContext db;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void aPageOfMembersAccountsOrPeople_takesTwoQueries_atAnySize() {
        TestWorkspace workspace = fixtures.newWorkspace();
        Map<UUID, AccountRole> everyone = new HashMap<>();
        for (int i = 0; i < 60; i++) {
            everyone.put(
                    workspace.addMember("member" + i, WorkspaceRole.USER).userId(),
                    i < 30 ? AccountRole.OWNER : AccountRole.COLLABORATOR);
        }
        everyone.put(workspace.member(WorkspaceRole.OWNER).userId(), AccountRole.OWNER);
        UUID account = null;
        for (int i = 0; i < 40; i++) {
            account = workspace.addAccount("Account " + i, everyone);
        }
        signIn.asConfirmed(workspace.member(WorkspaceRole.OWNER).email());

        assertThat(queries(() -> assertThat(members.list("", 0, 50)).hasSize(50)))
                .isEqualTo(2);
        assertThat(queries(() -> assertThat(allAccounts.list(false, "", 0, 40))
                        .allSatisfy(a -> assertThat(a.owners()).hasSize(31))))
                .isEqualTo(2);
        UUID last = account;
        assertThat(queries(() -> assertThat(sharing.people(last).people()).hasSize(61)))
                .isEqualTo(2);
    }

    @Test
    void aPageOfCards_andTheOverview_takeOneQueryEach_withAnySearchAndSort() {
        TestWorkspace workspace = fixtures.newWorkspace();
        TestMember owner = workspace.member(WorkspaceRole.USER);
        for (int i = 0; i < 40; i++) {
            UUID account = workspace.addAccount("Account " + i, Map.of(owner.userId(), AccountRole.OWNER));
            if (i % 4 == 0) {
                signIn.asConfirmed(owner.email());
                codes.saveCodes(account, "11111-22222\n33333-44444\n", Mismatch.ACCEPTED);
                codes.useNextCode(account); // one of two left: low (a set is never low right after it is saved)
            }
        }
        signIn.asConfirmed(owner.email());

        assertThat(queries(() -> assertThat(accounts.overview().total()).isEqualTo(40)))
                .isEqualTo(1);
        for (CardSort sort : CardSort.values()) {
            assertThat(queries(() -> assertThat(accounts.listCards(CardFilter.ALL, "", sort, 0, 25))
                            .hasSize(25)))
                    .isEqualTo(1);
            assertThat(queries(() -> assertThat(accounts.listCards(CardFilter.LOW_CODES, "ACCOUNT 1", sort, 0, 25))
                            .isNotEmpty()))
                    .isEqualTo(1);
            assertThat(queries(() -> assertThat(accounts.listCards(CardFilter.ALL, "github", sort, 0, 25))
                            .hasSize(25)))
                    .isEqualTo(1);
        }
    }

    /**
     * At 10,000 accounts the overview and the first page read one row per account at most, never the codes: their
     * plans hold no per-account subquery and do not touch backup_code. Prints each plan with its time (EXPLAIN
     * ANALYZE), for the record; the time is not asserted.
     */
    @Test
    void cardsAndOverview_atTenThousandAccounts_neverCountCodesPerAccount() {
        TestWorkspace workspace = fixtures.newWorkspace();
        TestMember owner = workspace.member(WorkspaceRole.USER);
        fixtures.addManyAccounts(workspace, 10_000, owner.userId());
        signIn.asConfirmed(owner.email());

        Map<String, Runnable> calls = new LinkedHashMap<>();
        calls.put("overview", () -> assertThat(accounts.overview().total()).isEqualTo(10_000));
        calls.put(
                "first page by label",
                () -> assertThat(accounts.listCards(CardFilter.ALL, "", CardSort.LABEL, 0, 25))
                        .hasSize(25));
        calls.put(
                "low on codes, fewest left",
                () -> assertThat(accounts.listCards(CardFilter.LOW_CODES, "", CardSort.FEWEST_CODES_LEFT, 0, 25))
                        .hasSize(25));
        calls.put(
                "search, recently changed",
                () -> assertThat(accounts.listCards(CardFilter.ALL, "bulk 99", CardSort.RECENTLY_CHANGED, 0, 25))
                        .hasSize(25));
        calls.put(
                "search by app name",
                () -> assertThat(accounts.listCards(CardFilter.ALL, "amazon", CardSort.LABEL, 0, 25))
                        .hasSize(25));
        calls.forEach((name, call) -> {
            assertThat(queries(call)).isEqualTo(1);
            String plan = db.fetch("EXPLAIN ANALYZE " + db.renderInlined(queryCounter.last())).stream()
                    .map(row -> row.get(0, String.class))
                    .collect(Collectors.joining("\n"));
            System.out.println("-- " + name + " at 10,000 accounts:\n" + plan);
            assertThat(plan).doesNotContain("SubPlan").doesNotContain(" on backup_code ");
        });
    }

    private int queries(Runnable call) {
        return queryCounter.during(call);
    }
}
