package dev.breakglass.backupcodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.breakglass.testing.Fixtures;
import dev.breakglass.testing.SignIn;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two Owners pressing Use next code at the same moment never get the same code, and a code is never taken or
 * marked in a set that was replaced or deleted after it was shown.
 */
@SpringBootTest
class NextCodeConcurrencyTest {

    @Autowired
    BackupCodeService service;

    @Autowired
    Fixtures fixtures;

    @Autowired
    SignIn signIn;

    @Autowired
    BackupCodeRepository repository;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void twoOwnersTakingCodesAtOnce_neverGetTheSameCode() throws Exception {
        fixtures.forgetAllCodes();
        UUID github = fixtures.accountId("GitHub");
        List<String> codes = IntStream.rangeClosed(1, 100)
                .mapToObj(i -> String.format("code-%05d", i))
                .toList();
        signIn.asConfirmed("alice@acme.test");
        service.saveCodes(github, String.join("\n", codes), Mismatch.ACCEPTED);
        signIn.out();

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<String>> alice = pool.submit(takeAll(github, "alice@acme.test", start));
            Future<List<String>> owner = pool.submit(takeAll(github, "owner@acme.test", start));
            start.countDown();
            List<String> all = new ArrayList<>(alice.get());
            all.addAll(owner.get());

            assertThat(all).hasSize(100).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(codes);
            assertThat(alice.get()).isNotEmpty();
            assertThat(owner.get()).isNotEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void markUnused_afterTheSetWasReplaced_isRefused_andTheNewSetIsUntouched() {
        fixtures.forgetAllCodes();
        UUID github = fixtures.accountId("GitHub");
        signIn.asConfirmed("alice@acme.test");
        UUID oldSet = service.saveCodes(github, "11111-aaaaa\n22222-bbbbb\n", Mismatch.ACCEPTED)
                .setId();
        HandedOutCode handedOut = service.useNextCode(github);
        UUID newSet = service.replaceCodes(github, oldSet, "33333-ccccc\n44444-ddddd\n", Mismatch.ACCEPTED)
                .setId();
        service.useNextCode(github); // the new set's first code is now used

        // "I did not use it", clicked in the dialog of the old set's code.
        assertThatThrownBy(() -> service.markCode(github, handedOut.setId(), handedOut.position(), false))
                .isInstanceOf(CodesChangedException.class)
                .hasMessageContaining("Nothing was marked");

        assertThat(service.revealCodes(github).codes())
                .extracting(RevealedCodes.Code::position, code -> code.usedAt() != null)
                .containsExactly(tuple(1, true), tuple(2, false));
        assertThat(service.overview(github).activeSet().orElseThrow().setId()).isEqualTo(newSet);
        signIn.out();
    }

    @Test
    void useNextCode_whileAReplaceHoldsTheSet_handsOutNoCodeOfTheSetBeingDestroyed() throws Exception {
        fixtures.forgetAllCodes();
        UUID github = fixtures.accountId("GitHub");
        signIn.asConfirmed("alice@acme.test");
        UUID set = service.saveCodes(github, "11111-aaaaa\n22222-bbbbb\n", Mismatch.ACCEPTED)
                .setId();
        UUID alice = fixtures.userId("alice@acme.test");

        CountDownLatch replaceHoldsTheSet = new CountDownLatch(1);
        ExecutorService replacer = Executors.newSingleThreadExecutor();
        try {
            // A replace in progress: it has locked the set and destroys its codes a moment later.
            Future<?> replace = replacer.submit(() -> transaction.executeWithoutResult(status -> {
                repository.lockActiveSet(github, set).orElseThrow();
                replaceHoldsTheSet.countDown();
                sleep(500);
                repository.endSet(set, "REPLACED", alice, OffsetDateTime.now(ZoneOffset.UTC));
            }));
            assertThat(replaceHoldsTheSet.await(10, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> service.useNextCode(github)).isInstanceOf(CodesChangedException.class);
            replace.get(10, TimeUnit.SECONDS);
        } finally {
            replacer.shutdownNow();
            signIn.out();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Callable<List<String>> takeAll(UUID account, String email, CountDownLatch start) {
        return () -> {
            signIn.asConfirmed(email);
            start.await();
            List<String> taken = new ArrayList<>();
            try {
                for (int i = 0; i < 100; i++) {
                    taken.add(service.useNextCode(account).value());
                }
            } catch (NoUnusedCodesException e) {
                // The other Owner took the rest.
            } finally {
                signIn.out();
            }
            return taken;
        };
    }
}
