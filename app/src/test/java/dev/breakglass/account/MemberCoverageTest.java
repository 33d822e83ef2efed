package dev.breakglass.account;

import static dev.breakglass.db.Tables.ACCOUNT;
import static dev.breakglass.db.Tables.ACCOUNT_ACCESS;
import static dev.breakglass.db.Tables.MEMBER_COVERAGE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.breakglass.backupcodes.BackupCodeService;
import dev.breakglass.backupcodes.Mismatch;
import dev.breakglass.demo.DemoGenerator;
import dev.breakglass.testing.Fixtures;
import dev.breakglass.testing.SignIn;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The overview's counts kept per member by the database (V22) are what counting the accounts would give, after every
 * kind of change: codes saved, used, replaced and deleted, access granted and taken away, an account removed and
 * deleted, its MFA switched.
 */
@SpringBootTest
class MemberCoverageTest {

    /** Rows of the kept counts that differ from the counts made from scratch, both ways. */
    private static final String DIFFERENCES = """
            with expected as (
              select x.workspace_id, x.user_id, k.kind, k.bucket, count(*)::int as n
                from account_access x
                join account a on a.id = x.account_id and a.removed_at is null
                left join backup_code_set s on s.account_id = a.id and s.state = 'ACTIVE'
                cross join lateral (values
                  ('ALL', 0),
                  ('MFA_ON_NO_CODES', case when a.mfa_state = 'ON' and s.id is null then 0 end),
                  ('LOW', case when s.unused_count < s.code_count then s.unused_count end),
                  ('SAVED', (s.saved_at at time zone 'UTC')::date - date '1970-01-01')) as k(kind, bucket)
               where k.bucket is not null
               group by 1, 2, 3, 4),
            kept as (select workspace_id, user_id, kind, bucket, n from member_coverage where n <> 0)
            select count(*) from ((select * from expected except select * from kept)
                                  union all (select * from kept except select * from expected)) as d
            """;

    @Autowired
    DSLContext db;

    @Autowired
    DemoGenerator generator;

    @Autowired
    BackupCodeService codes;

    @Autowired
    AccountService accounts;

    @Autowired
    Fixtures fixtures;

    @Autowired
    SignIn signIn;

    @BeforeEach
    void signInAsOwner() {
        fixtures.forgetAllCodes(); // other test classes leave codes on the demo accounts
        signIn.asConfirmed("owner@acme.test");
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void keptCounts_matchCountingFromScratch_afterEveryKindOfChange() {
        UUID slack = fixtures.accountId("Slack");
        UUID github = fixtures.accountId("GitHub");
        assertThat(differences()).as("demo data").isZero();

        var saved = codes.saveCodes(slack, "12345-67890\n09876-54321\n11111-22222\n", Mismatch.ACCEPTED);
        assertThat(differences()).as("saved").isZero();
        codes.useNextCode(slack);
        assertThat(differences()).as("used").isZero();
        var replaced = codes.replaceCodes(slack, saved.setId(), "33333-44444\n55555-66666\n", Mismatch.ACCEPTED);
        assertThat(differences()).as("replaced").isZero();
        codes.deleteCodes(slack, replaced.setId());
        assertThat(differences()).as("deleted").isZero();

        db.execute(
                "update account set mfa_state = case when mfa_state = 'ON' then 'OFF' else 'ON' end where id = ?",
                github);
        assertThat(differences()).as("MFA switched").isZero();
        db.execute("update account set removed_at = now() where id = ?", github);
        assertThat(differences()).as("removed").isZero();
        db.execute("update account set removed_at = null where id = ?", github);
        assertThat(differences()).as("back").isZero();

        db.execute(
                "update account set mfa_state = case when mfa_state = 'ON' then 'OFF' else 'ON' end where id = ?",
                github);
        assertThat(differences()).as("MFA switched back").isZero();

        var access = db.selectFrom(ACCOUNT_ACCESS)
                .where(ACCOUNT_ACCESS.ACCOUNT_ID.eq(github))
                .limit(1)
                .fetchSingle();
        access.delete();
        assertThat(differences()).as("access taken away").isZero();
        access.changed(true);
        db.insertInto(ACCOUNT_ACCESS).set(access).execute();
        assertThat(differences()).as("access granted").isZero();

        fixtures.forgetAllCodes();
        assertThat(differences()).as("codes forgotten").isZero();
    }

    @Test
    void overview_readsAFewRowsOfTheMember_andAgreesWithTheCards() {
        AccountsOverview overview = accounts.overview();
        assertThat(overview.total())
                .isEqualTo(accounts.listCards(CardFilter.ALL, "", CardSort.LABEL, 0, 1000)
                        .size());
        assertThat(overview.lowCodes())
                .isEqualTo(accounts.listCards(CardFilter.LOW_CODES, "", CardSort.LABEL, 0, 1000)
                        .size());
        assertThat(overview.oldCodes())
                .isEqualTo(accounts.listCards(CardFilter.OLD_CODES, "", CardSort.LABEL, 0, 1000)
                        .size());
        assertThat(overview.mfaOnNoCodes())
                .isEqualTo(accounts.listCards(CardFilter.MFA_ON_NO_CODES, "", CardSort.LABEL, 0, 1000)
                        .size());
    }

    @Test
    void aGeneratedWorkspace_countsOnceAtTheEnd_andMatchesCountingFromScratch_andLaterChangesKeepThem() {
        DemoGenerator.GeneratedWorkspace made = generator.generate("Coverage " + UUID.randomUUID(), 300, 7);

        assertThat(db.fetchCount(MEMBER_COVERAGE, MEMBER_COVERAGE.WORKSPACE_ID.eq(made.workspaceId())))
                .isPositive();
        assertThat(differences()).isZero();

        db.update(ACCOUNT)
                .set(ACCOUNT.MFA_STATE, "OFF")
                .where(ACCOUNT.WORKSPACE_ID.eq(made.workspaceId()))
                .and(ACCOUNT.MFA_STATE.eq("ON"))
                .execute();
        assertThat(differences())
                .as("the row triggers keep the counts again after the load")
                .isZero();
    }

    private int differences() {
        return ((Number) db.fetchValue(DIFFERENCES)).intValue();
    }
}
