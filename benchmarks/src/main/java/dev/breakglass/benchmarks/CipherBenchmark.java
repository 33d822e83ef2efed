package dev.breakglass.benchmarks;

import dev.breakglass.crypto.CipherContext;
import dev.breakglass.crypto.CodeCipher;
import dev.breakglass.crypto.LocalKeyringCiphers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encrypting and decrypting one code set with the local keyring cipher (HKDF per account, AES-256-GCM per code with
 * the account and set as associated data, Base64 text out), against its floor: raw AES-GCM of the same plaintext
 * bytes and associated data under one ready key, with a fresh nonce per code.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CipherBenchmark {

    private static final int TAG_BITS = 128;

    @Param({"10", "100"})
    public int codes;

    private CodeCipher cipher;
    private CipherContext context;
    private List<String> plaintexts;
    private List<String> ciphertexts;

    private final SecureRandom random = new SecureRandom();
    private SecretKeySpec rawKey;
    private byte[] associatedData;
    private List<byte[]> plainBytes;
    private List<byte[]> nonces;
    private List<byte[]> sealedBytes;

    @Setup(Level.Trial)
    public void prepare() throws IOException, GeneralSecurityException {
        cipher = LocalKeyringCiphers.open(
                Files.createTempDirectory("breakglass-benchmark").resolve("keyring.json"));
        context = new CipherContext(UUID.randomUUID(), UUID.randomUUID());
        plaintexts = new ArrayList<>();
        for (int i = 0; i < codes; i++) {
            plaintexts.add("%04d %04d".formatted(random.nextInt(10_000), random.nextInt(10_000)));
        }
        ciphertexts = cipher.encryptAll(context, plaintexts);

        byte[] key = new byte[32];
        random.nextBytes(key);
        rawKey = new SecretKeySpec(key, "AES");
        associatedData = ("breakglass:account=" + context.accountId() + ":set=" + context.setId())
                .getBytes(StandardCharsets.UTF_8);
        plainBytes = plaintexts.stream()
                .map(code -> code.getBytes(StandardCharsets.UTF_8))
                .toList();
        nonces = new ArrayList<>();
        sealedBytes = new ArrayList<>();
        for (byte[] plain : plainBytes) {
            byte[] nonce = new byte[12];
            random.nextBytes(nonce);
            nonces.add(nonce);
            sealedBytes.add(aesGcm(Cipher.ENCRYPT_MODE, nonce, plain));
        }
    }

    @Benchmark
    public List<String> encryptSet() {
        return cipher.encryptAll(context, plaintexts);
    }

    @Benchmark
    public List<String> decryptSet() {
        return cipher.decryptAll(context, ciphertexts);
    }

    /** The floor of {@link #encryptSet}: AES-GCM of the same bytes, a fresh nonce each. */
    @Benchmark
    public List<byte[]> rawAesGcmEncrypt() throws GeneralSecurityException {
        List<byte[]> sealed = new ArrayList<>(codes);
        for (byte[] plain : plainBytes) {
            byte[] nonce = new byte[12];
            random.nextBytes(nonce);
            sealed.add(aesGcm(Cipher.ENCRYPT_MODE, nonce, plain));
        }
        return sealed;
    }

    /** The floor of {@link #decryptSet}. */
    @Benchmark
    public List<byte[]> rawAesGcmDecrypt() throws GeneralSecurityException {
        List<byte[]> opened = new ArrayList<>(codes);
        for (int i = 0; i < codes; i++) {
            opened.add(aesGcm(Cipher.DECRYPT_MODE, nonces.get(i), sealedBytes.get(i)));
        }
        return opened;
    }

    private byte[] aesGcm(int mode, byte[] nonce, byte[] input) throws GeneralSecurityException {
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(mode, rawKey, new GCMParameterSpec(TAG_BITS, nonce));
        aes.updateAAD(associatedData);
        return aes.doFinal(input);
    }
}
