package dev.breakglass.encryption;

import static dev.breakglass.db.Tables.AUDIT_EVENT;
import static dev.breakglass.db.Tables.AUTHENTICATOR_APP;
import static dev.breakglass.db.Tables.BACKUP_CODE;
import static dev.breakglass.db.Tables.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.breakglass.backupcodes.BackupCodeService;
import dev.breakglass.backupcodes.Mismatch;
import dev.breakglass.backupcodes.RevealedCodes;
import dev.breakglass.crypto.EncryptionKeys;
import dev.breakglass.crypto.KeyringRestore;
import dev.breakglass.security.IdentityConfirmation;
import dev.breakglass.security.WorkspaceRole;
import dev.breakglass.testing.AuthenticatorApps;
import dev.breakglass.testing.Fixtures;
import dev.breakglass.testing.RoleFixtures;
import dev.breakglass.testing.RoleFixtures.TestMember;
import dev.breakglass.testing.SignIn;
import dev.breakglass.testing.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rewrap job on a real PostgreSQL: two runs at once share the work and touch every code once, a set
 * held by another run is left to it, and running again finishes what is left. It rotates the local key, and
 * {@link KeyringRestore} undoes that after each test.
 */
@SpringBootTest
@ExtendWith(KeyringRestore.class)
class CiphertextJobsTest {

    @Autowired
    CiphertextJobs jobs;

    @Autowired
    CiphertextRepository ciphertexts;

    @Autowired
    BackupCodeService service;

    @Autowired
    EncryptionKeys keys;

    @Autowired
    Fixtures fixtures;

    @Autowired
    RoleFixtures roles;

    @Autowired
    AuthenticatorApps authenticatorApps;

    @Autowired
    IdentityConfirmation identity;

    @Autowired
    TestClock clock;

    @Autowired
    SignIn signIn;

    @Autowired
    DSLContext db;

    @Autowired
    TransactionTemplate transaction;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private String newest;

    @BeforeEach
    void fiveSetsOnAnOldKeyVersion() {
        fixtures.forgetAllCodes();
        fixtures.forgetAllSignInSecrets();
        signIn.asConfirmed("owner@acme.test");
        for (String account : List.of("GitHub", "Slack", "AWS root", "Cloudflare")) {
            service.saveCodes(fixtures.accountId(account), "11111111\n22222222\n33333333", Mismatch.ACCEPTED);
        }
        signIn.asConfirmed("alice@acme.test");
        service.saveCodes(fixtures.accountId("Google Workspace"), "44444444\n55555555\n66666666", Mismatch.ACCEPTED);
        signIn.out();
        newest = keys.rotateActiveKey().prefix();
        assertThat(storedCiphertexts()).hasSize(15).noneMatch(c -> c.startsWith(newest));
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
        clock.reset();
    }

    @Test
    void aRunThatChangedCodes_isAuditedInEveryWorkspace_withItsCountsAndWhoStartedIt() {
        UUID operator = fixtures.userId("owner@acme.test");
        int before = db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("CODES_REWRAPPED"));

        jobs.rewrapAll(operator, progress -> {});
        jobs.rewrapAll(progress -> {});

        int workspaces = db.fetchCount(WORKSPACE);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("CODES_REWRAPPED")) - before)
                .as("once per workspace for the run that did something; the second found nothing to do")
                .isEqualTo(workspaces);
        assertThat(db.select(AUDIT_EVENT.DETAILS)
                        .from(AUDIT_EVENT)
                        .where(AUDIT_EVENT.ACTION.eq("CODES_REWRAPPED"))
                        .and(AUDIT_EVENT.ACTOR_ID.eq(operator))
                        .orderBy(AUDIT_EVENT.SEQ.desc())
                        .limit(1)
                        .fetchOne(AUDIT_EVENT.DETAILS)
                        .data())
                .contains("\"codes\": 15")
                .contains("\"sets\": 5");
    }

    @Test
    void twoRunsAtOnce_shareTheWork_andRewrapEveryCodeExactlyOnce() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        Future<CiphertextJobProgress> first = threads.submit(() -> {
            start.await();
            return jobs.rewrapAll(progress -> {});
        });
        Future<CiphertextJobProgress> second = threads.submit(() -> {
            start.await();
            return jobs.rewrapAll(progress -> {});
        });
        start.countDown();
        CiphertextJobProgress a = first.get(30, TimeUnit.SECONDS);
        CiphertextJobProgress b = second.get(30, TimeUnit.SECONDS);

        assertThat(a.complete()).isTrue();
        assertThat(b.complete()).isTrue();
        assertThat(a.codesChanged() + b.codesChanged()).isEqualTo(15);
        assertThat(a.setsDone() + b.setsDone()).isEqualTo(5);
        assertThat(storedCiphertexts()).hasSize(15).allMatch(c -> c.startsWith(newest));
        assertThat(revealAsOwner("Slack")).containsExactly("11111111", "22222222", "33333333");
    }

    @Test
    void aSetHeldByAnotherRun_isLeftToIt_andTheNextRunFinishesIt() throws Exception {
        UUID githubSet = activeSetOf("GitHub");
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = threads.submit(() -> transaction.executeWithoutResult(status -> {
            assertThat(ciphertexts.lockSet(githubSet)).isPresent();
            locked.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        locked.await(10, TimeUnit.SECONDS);

        CiphertextJobProgress partly = jobs.rewrapAll(progress -> {});

        assertThat(partly.finished()).isTrue();
        assertThat(partly.complete()).isFalse();
        assertThat(partly.setsDone()).isEqualTo(4);
        assertThat(partly.codesRemaining()).isEqualTo(3);
        assertThat(partly.describe()).endsWith("3 codes still to do.");

        release.countDown();
        holder.get(10, TimeUnit.SECONDS);
        CiphertextJobProgress rest = jobs.rewrapAll(progress -> {});

        assertThat(rest.complete()).isTrue();
        assertThat(rest.setsToDo()).isEqualTo(1);
        assertThat(rest.codesChanged()).isEqualTo(3);
        assertThat(storedCiphertexts()).allMatch(c -> c.startsWith(newest));
        assertThat(revealAsOwner("GitHub")).containsExactly("11111111", "22222222", "33333333");
    }

    @Test
    void countByCipherVersion_tellsHowManyCodesSitOnEachVersion() {
        UUID acme = fixtures.workspaceId("Acme");
        assertThat(ciphertexts.countByCipherVersion(acme)).hasSize(1).containsValue(15);
        jobs.rewrapAll(progress -> {});
        assertThat(ciphertexts.countByCipherVersion(acme))
                .containsExactly(java.util.Map.entry(
                        dev.breakglass.crypto.CipherVersion.of(newest).orElseThrow(), 15));
    }

    @Test
    void aMembersAuthenticatorSecret_movesWithTheCodes_andStillConfirmsTheMember() {
        TestMember member = roles.newWorkspace().member(WorkspaceRole.USER);
        String secret = authenticatorApps.enrol(member.email());
        String before = authenticatorCiphertextOf(member);
        String rotated = keys.rotateActiveKey().prefix();
        assertThat(before).doesNotStartWith(rotated);

        CiphertextJobProgress run = jobs.rewrapAll(progress -> {});

        assertThat(run.complete()).as(run.describe()).isTrue();
        assertThat(run.secretsChanged()).isEqualTo(1);
        assertThat(authenticatorCiphertextOf(member)).startsWith(rotated);
        assertThat(jobs.rewrapAll(progress -> {}).secretsChanged())
                .as("a second run finds nothing left to do")
                .isZero();
        clock.advance(Duration.ofSeconds(30));
        signIn.asConfirmed(member.email());
        assertThat(identity.confirm(RoleFixtures.PASSWORD, AuthenticatorApps.codeAt(secret, clock.instant()))
                        .confirmed())
                .as("the rewrapped secret still gives the codes the member's app shows")
                .isTrue();
        signIn.out();
    }

    private List<String> revealAsOwner(String account) {
        signIn.asConfirmed("owner@acme.test");
        try {
            return service.revealCodes(fixtures.accountId(account)).codes().stream()
                    .map(RevealedCodes.Code::value)
                    .toList();
        } finally {
            signIn.out();
        }
    }

    private UUID activeSetOf(String account) {
        signIn.asConfirmed("owner@acme.test");
        try {
            return service.overview(fixtures.accountId(account))
                    .activeSet()
                    .orElseThrow()
                    .setId();
        } finally {
            signIn.out();
        }
    }

    private String authenticatorCiphertextOf(TestMember member) {
        return db.select(AUTHENTICATOR_APP.SECRET_CIPHERTEXT)
                .from(AUTHENTICATOR_APP)
                .where(AUTHENTICATOR_APP.USER_ID.eq(member.userId()))
                .fetchSingle(AUTHENTICATOR_APP.SECRET_CIPHERTEXT);
    }

    private List<String> storedCiphertexts() {
        return db.select(BACKUP_CODE.CIPHERTEXT)
                .from(BACKUP_CODE)
                .where(BACKUP_CODE.CIPHERTEXT.isNotNull())
                .fetch(BACKUP_CODE.CIPHERTEXT);
    }
}
