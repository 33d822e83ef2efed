package dev.breakglass.backupcodes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakglass.testing.Fixtures;
import dev.breakglass.testing.SignIn;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Two Owners pressing Use next code at the same moment never get the same code. */
@SpringBootTest
class NextCodeConcurrencyTest {

    @Autowired
    BackupCodeService service;
    @Autowired
    Fixtures fixtures;
    @Autowired
    SignIn signIn;

    @Test
    void twoOwnersTakingCodesAtOnce_neverGetTheSameCode() throws Exception {
        fixtures.forgetAllCodes();
        UUID github = fixtures.accountId("GitHub");
        List<String> codes = IntStream.rangeClosed(1, 100).mapToObj(i -> String.format("code-%05d", i)).toList();
        signIn.as("alice@acme.test");
        service.saveCodes(github, String.join("\n", codes));
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

    private Callable<List<String>> takeAll(UUID account, String email, CountDownLatch start) {
        return () -> {
            signIn.as(email);
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
