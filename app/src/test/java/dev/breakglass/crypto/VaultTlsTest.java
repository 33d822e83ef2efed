package dev.breakglass.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vault over HTTPS with a certificate the JDK does not trust: {@code breakglass.vault.ca-file} makes it
 * trusted; without it, the connection is refused with a sentence. The certificate is made by the JDK's
 * keytool for this test.
 */
class VaultTlsTest {

    @TempDir
    static Path dir;

    private static FakeVault vault;
    private static Path caFile;

    @BeforeAll
    static void startHttpsVault() throws Exception {
        Path keystore = dir.resolve("vault.p12");
        caFile = dir.resolve("vault-ca.pem");
        keytool("-genkeypair", "-alias", "vault", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-keypass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "vault", "-keystore", keystore.toString(), "-storepass", "changeit",
                "-file", caFile.toString());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        vault = FakeVault.start(tls);
    }

    @AfterAll
    static void stopVault() {
        vault.close();
    }

    @Test
    void caFile_makesVaultsCertificateTrusted() {
        VaultConnection connection = connection(caFile.toString());
        try {
            VaultTransitCipher cipher = new VaultTransitCipher(new VaultTransit(connection));
            CipherContext context = new CipherContext(UUID.randomUUID(), UUID.randomUUID());
            assertThat(cipher.decryptAll(context, cipher.encryptAll(context, List.of("1234-5678")))).containsExactly("1234-5678");
        } finally {
            connection.close();
        }
    }

    @Test
    void withoutCaFile_anUntrustedCertificate_isRefusedWithSentence() {
        VaultConnection connection = connection("");
        try {
            VaultTransitCipher cipher = new VaultTransitCipher(new VaultTransit(connection));
            assertThatThrownBy(() -> cipher.encryptAll(new CipherContext(UUID.randomUUID(), UUID.randomUUID()), List.of("x")))
                    .isInstanceOf(CipherUnavailableException.class)
                    .hasMessage("Breakglass could not open a trusted connection to Vault. Your Breakglass administrator "
                            + "needs to check Vault's certificate (breakglass.vault.ca-file).");
        } finally {
            connection.close();
        }
    }

    private static VaultConnection connection(String ca) {
        return new VaultConnection(new VaultSettings(vault.address(), "", "transit", "breakglass", true,
                Duration.ofSeconds(2), ca, "approle"), new VaultCredentials.Token(FakeVault.ROOT_TOKEN));
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
    }
}
