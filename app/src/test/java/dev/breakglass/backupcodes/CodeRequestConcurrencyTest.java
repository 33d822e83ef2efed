package dev.breakglass.backupcodes;

import static dev.breakglass.db.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.breakglass.security.AccountRole;
import dev.breakglass.security.WorkspaceRole;
import dev.breakglass.testing.Fixtures;
import dev.breakglass.testing.RoleFixtures;
import dev.breakglass.testing.RoleFixtures.TestMember;
import dev.breakglass.testing.RoleFixtures.TestWorkspace;
import dev.breakglass.testing.SignIn;
import dev.breakglass.testing.TestClock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Races on break-glass requests, with real threads on the real PostgreSQL: whatever two people (or the schedule on
 * two instances) do to one request at the same moment, exactly one outcome wins and everyone sees that one.
 */
@SpringBootTest
class CodeRequestConcurrencyTest {

    private static final int ROUNDS = 8;

    @Autowired
    CodeRequestService requests;

    @Autowired
    CodeRequestSchedule schedule;

    @Autowired
    CodeRequestRepository repository;

    @Autowired
    BackupCodeService codes;

    @Autowired
    Fixtures fixtures;

    @Autowired
    RoleFixtures roles;

    @Autowired
    SignIn signIn;

    @Autowired
    TestClock clock;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    DSLContext db;

    UUID github;
    ExecutorService pool = Executors.newFixedThreadPool(2);

    @BeforeEach
    void codesSaved() {
        fixtures.forgetAllCodes();
        clock.reset();
        github = fixtures.accountId("GitHub");
        signIn.asConfirmed("alice@acme.test");
        codes.saveCodes(github, "11111-aaaaa\n22222-bbbbb\n33333-ccccc\n44444-ddddd\n", Mismatch.ACCEPTED);
        signIn.out();
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        clock.reset();
        signIn.out();
    }

    @Test
    void twoOwnersAnsweringAtOnce_exactlyOneAnswerWins_andTheLoserIsToldWhich() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            UUID request = bobRequests();
            List<Outcome> outcomes = race(
                    as("alice@acme.test", () -> requests.approve(request, null)),
                    as("owner@acme.test", () -> requests.deny(request, null)));

            assertThat(outcomes).filteredOn(Outcome::won).hasSize(1);
            CodeRequest after = stateOf(request);
            Outcome winner = outcomes.stream().filter(Outcome::won).findFirst().orElseThrow();
            Outcome loser = outcomes.stream().filter(o -> !o.won()).findFirst().orElseThrow();
            assertThat(after.state()).isEqualTo(winner.state());
            assertThat(after.state()).isIn(RequestState.APPROVED, RequestState.DENIED);
            assertThat(loser.refusal())
                    .isEqualTo(
                            after.state() == RequestState.APPROVED
                                    ? "Alice Example already approved this request."
                                    : "Olivia Owner already denied this request.");
            bobClosesIfOpen(request);
        }
    }

    @Test
    void requesterCancellingWhileAnOwnerApproves_exactlyOneWins() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            UUID request = bobRequests();
            List<Outcome> outcomes = race(
                    as("bob@acme.test", () -> requests.cancel(request)),
                    as("alice@acme.test", () -> requests.approve(request, null)));

            // One order or the other, never a mix: cancel first refuses the approval; approve first is then
            // taken back by the cancel. Either way the request ends cancelled and the log tells that order.
            assertThat(stateOf(request).state()).isEqualTo(RequestState.CANCELLED);
            assertThat(outcomes.get(0).won()).isTrue();
            if (!outcomes.get(1).won()) {
                assertThat(outcomes.get(1).refusal()).isEqualTo("This request was cancelled by Bob Example.");
            }
            assertThat(outcomes).filteredOn(Outcome::won).isNotEmpty();
            assertThat(auditCount(request, "REQUEST_CANCELLED")).isEqualTo(1);
            assertThat(auditCount(request, "REQUEST_APPROVED"))
                    .isEqualTo(outcomes.get(1).won() ? 1 : 0);
        }
    }

    @Test
    void oneApproval_takenTwiceAtOnce_handsOutExactlyOneCode() throws Exception {
        UUID request = bobRequests();
        approve(request, "alice@acme.test");

        List<Outcome> outcomes = race(
                as("bob@acme.test", () -> {
                    requests.useApprovedCode(request);
                    return null;
                }),
                as("bob@acme.test", () -> {
                    requests.useApprovedCode(request);
                    return null;
                }));

        assertThat(outcomes).filteredOn(Outcome::won).hasSize(1);
        assertThat(outcomes)
                .filteredOn(o -> !o.won())
                .extracting(Outcome::refusal)
                .containsExactly("The code of this approval was already taken. Request a code again if needed.");
        assertThat(stateOf(request).state()).isEqualTo(RequestState.USED);
        signIn.asConfirmed("alice@acme.test");
        assertThat(codes.overview(github).activeSet().orElseThrow().remaining()).isEqualTo(3);
    }

    @Test
    void twoOwnersApprovingAQuorumAtOnce_bothCount_andTheRequestIsApprovedOnce() throws Exception {
        signIn.asConfirmed("alice@acme.test");
        requests.setPolicy(github, new RequestPolicy(Optional.empty(), true));
        for (int round = 0; round < ROUNDS; round++) {
            UUID request = bobRequests();
            List<Outcome> outcomes = race(
                    as("alice@acme.test", () -> requests.approve(request, null)),
                    as("owner@acme.test", () -> requests.approve(request, null)));

            assertThat(outcomes).allMatch(Outcome::won);
            assertThat(stateOf(request).state()).isEqualTo(RequestState.APPROVED);
            assertThat(stateOf(request).approvedBy()).containsExactlyInAnyOrder("Alice Example", "Olivia Owner");
            assertThat(auditCount(request, "REQUEST_APPROVAL_ADDED")).isEqualTo(1);
            assertThat(auditCount(request, "REQUEST_APPROVED")).isEqualTo(1);
            bobClosesIfOpen(request);
        }
    }

    @Test
    void expiryCheck_whileTheCodeIsBeingTaken_skipsTheRequest_andTheTakerWins() throws Exception {
        UUID request = bobRequests();
        approve(request, "alice@acme.test");
        CountDownLatch takerHoldsTheRequest = new CountDownLatch(1);
        // The taker's transaction as Use approved code runs it: the request's row locked, then used.
        Future<?> taker = pool.submit(() -> transaction.executeWithoutResult(status -> {
            repository.lock(request).orElseThrow();
            takerHoldsTheRequest.countDown();
            sleep(3000);
            repository.end(request, RequestState.APPROVED, RequestState.USED, now(), null, null);
        }));
        assertThat(takerHoldsTheRequest.await(10, TimeUnit.SECONDS)).isTrue();
        clock.advance(Duration.ofMinutes(61));

        long started = System.nanoTime();
        assertThat(schedule.expireOverdue()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
        taker.get(10, TimeUnit.SECONDS);

        assertThat(schedule.expireOverdue()).isZero();
        assertThat(stateOf(request).state()).isEqualTo(RequestState.USED);
        assertThat(auditCount(request, "REQUEST_EXPIRED")).isZero();
    }

    @Test
    void expiryCheck_andTheTaker_atTheSameMoment_exactlyOneOutcome() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            UUID request = bobRequests();
            approve(request, "alice@acme.test");
            clock.advance(Duration.ofMinutes(61)); // the window is over for both of them

            List<Outcome> outcomes = race(
                    as("bob@acme.test", () -> {
                        requests.useApprovedCode(request);
                        return null;
                    }),
                    () -> {
                        schedule.expireOverdue();
                        return null;
                    });

            assertThat(outcomes.get(0).won()).isFalse();
            assertThat(stateOf(request).state()).isEqualTo(RequestState.EXPIRED);
            assertThat(auditCount(request, "REQUEST_EXPIRED")).isEqualTo(1);
            assertThat(auditCount(request, "REQUEST_CODE_TAKEN")).isZero();
            clock.reset();
        }
        signIn.asConfirmed("alice@acme.test");
        assertThat(codes.overview(github).activeSet().orElseThrow().remaining()).isEqualTo(4);
    }

    @Test
    void scheduleOnTwoInstances_approvesEachOverdueRequestOnce() throws Exception {
        TestWorkspace workspace = roles.newWorkspace();
        TestMember owner = workspace.member(WorkspaceRole.USER);
        Map<UUID, AccountRole> access = new HashMap<>();
        access.put(owner.userId(), AccountRole.OWNER);
        List<TestMember> requesters = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            TestMember requester = workspace.addMember("requester", WorkspaceRole.USER);
            requesters.add(requester);
            access.put(requester.userId(), AccountRole.COLLABORATOR);
        }
        UUID account = workspace.addAccount("Busy account", access);
        signIn.asConfirmed(owner.email());
        codes.saveCodes(account, "11111-aaaaa\n22222-bbbbb\n", Mismatch.ACCEPTED);
        requests.setPolicy(account, new RequestPolicy(Optional.of(Duration.ofHours(1)), false));
        for (TestMember requester : requesters) {
            signIn.asConfirmed(requester.email());
            requests.request(account, "Need in");
        }
        signIn.out();
        clock.advance(Duration.ofMinutes(61));

        CountDownLatch start = new CountDownLatch(1);
        Future<Integer> first = pool.submit(() -> {
            start.await();
            return schedule.approveOverdue();
        });
        Future<Integer> second = pool.submit(() -> {
            start.await();
            return schedule.approveOverdue();
        });
        start.countDown();

        assertThat(first.get(30, TimeUnit.SECONDS) + second.get(30, TimeUnit.SECONDS))
                .isEqualTo(30);
        assertThat(db.fetchCount(
                        AUDIT_EVENT,
                        AUDIT_EVENT
                                .WORKSPACE_ID
                                .eq(workspace.id())
                                .and(AUDIT_EVENT.ACTION.eq("REQUEST_AUTO_APPROVED"))))
                .isEqualTo(30);
    }

    private UUID bobRequests() {
        signIn.asConfirmed("bob@acme.test");
        UUID id = requests.request(github, "Locked out").id();
        signIn.out();
        return id;
    }

    private void approve(UUID request, String owner) {
        signIn.asConfirmed(owner);
        requests.approve(request, null);
        signIn.out();
    }

    /** Leaves no open request behind, so bob may ask again in the next round. */
    private void bobClosesIfOpen(UUID request) {
        if (stateOf(request).state().isOpen()) {
            signIn.asConfirmed("bob@acme.test");
            requests.cancel(request);
            signIn.out();
        }
    }

    private CodeRequest stateOf(UUID request) {
        return repository.findOne(request).orElseThrow();
    }

    private int auditCount(UUID request, String action) {
        return db.fetchCount(
                AUDIT_EVENT,
                AUDIT_EVENT
                        .ACTION
                        .eq(action)
                        .and(AUDIT_EVENT.DETAILS.cast(String.class).contains(request.toString())));
    }

    /** Runs both at the same moment; returns their outcomes in the order given. */
    private List<Outcome> race(Callable<CodeRequest> one, Callable<CodeRequest> other) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        Future<Outcome> first = pool.submit(() -> run(one, start));
        Future<Outcome> second = pool.submit(() -> run(other, start));
        start.countDown();
        return List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));
    }

    private static Outcome run(Callable<CodeRequest> action, CountDownLatch start) throws Exception {
        start.await();
        try {
            CodeRequest after = action.call();
            return new Outcome(true, after == null ? null : after.state(), null);
        } catch (CodeRequestRefusedException e) {
            return new Outcome(false, null, e.getMessage());
        }
    }

    private Callable<CodeRequest> as(String email, Callable<CodeRequest> action) {
        return () -> {
            signIn.asConfirmed(email);
            try {
                return action.call();
            } finally {
                signIn.out();
            }
        };
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What one side of a race got: its answer went through (and the state it saw after), or the refusal. */
    record Outcome(boolean won, RequestState state, String refusal) {}
}
