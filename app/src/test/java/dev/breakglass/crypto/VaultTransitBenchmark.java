package dev.breakglass.crypto;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * How long a save (one encrypt batch) and a reveal (one decrypt batch) of a 10-code set take through the
 * Vault adapter, end to end over HTTP: against {@link FakeVault}, or a real Vault when {@code VAULT_ADDR} and
 * {@code VAULT_TOKEN} are set. A plain timing program, not a test:
 * <pre>
 * ./mvnw -o -q -pl app -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp app/target/test-classes:app/target/classes:$(cat /tmp/cp.txt) dev.breakglass.crypto.VaultTransitBenchmark
 * </pre>
 */
public final class VaultTransitBenchmark {

    private static final int WARM_UP = 200;
    private static final int MEASURED = 1000;

    private VaultTransitBenchmark() {}

    public static void main(String[] args) {
        String address = System.getenv("VAULT_ADDR");
        String token = System.getenv("VAULT_TOKEN");
        FakeVault fake = null;
        if (address == null || address.isBlank() || token == null || token.isBlank()) {
            fake = FakeVault.start();
            address = fake.address();
            token = FakeVault.ROOT_TOKEN;
        }
        VaultConnection connection = new VaultConnection(
                new VaultSettings(
                        address, "", "transit", "breakglass-benchmark", true, Duration.ofSeconds(5), "", "approle"),
                new VaultCredentials.Token(token));
        try {
            VaultTransitCipher cipher = new VaultTransitCipher(new VaultTransit(connection));
            List<String> codes = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                codes.add(String.format("%05d-%05d", i * 7919 % 100000, i * 104729 % 100000));
            }
            CipherContext context = new CipherContext(UUID.randomUUID(), UUID.randomUUID());
            List<String> ciphertexts = cipher.encryptAll(context, codes);
            for (int i = 0; i < WARM_UP; i++) {
                cipher.decryptAll(context, cipher.encryptAll(context, codes));
            }
            long[] saves = new long[MEASURED];
            long[] reveals = new long[MEASURED];
            for (int i = 0; i < MEASURED; i++) {
                long start = System.nanoTime();
                cipher.encryptAll(context, codes);
                saves[i] = System.nanoTime() - start;
                start = System.nanoTime();
                cipher.decryptAll(context, ciphertexts);
                reveals[i] = System.nanoTime() - start;
            }
            System.out.printf(
                    "Vault adapter against %s, 10 codes per call, %d calls each%n",
                    fake == null ? "Vault at " + address : "the fake Vault", MEASURED);
            report("save (encrypt batch)", saves);
            report("reveal (decrypt batch)", reveals);
        } finally {
            connection.close();
            if (fake != null) {
                fake.close();
            }
        }
    }

    private static void report(String what, long[] nanos) {
        Arrays.sort(nanos);
        System.out.printf(
                "  %-24s median %.2f ms, p95 %.2f ms, max %.2f ms%n",
                what,
                nanos[nanos.length / 2] / 1e6,
                nanos[(int) (nanos.length * 0.95)] / 1e6,
                nanos[nanos.length - 1] / 1e6);
    }
}
