package dev.breakglass.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A real OpenBao server over HTTPS with a certificate from a test CA the JDK does not trust:
 * {@code breakglass.vault.ca-file} makes it trusted; without it, the connection is refused with a sentence.
 */
class VaultTlsTest {

    @RegisterExtension
    static final OpenBao bao = OpenBao.devWithTls();

    @Test
    void caFile_makesVaultsCertificateTrusted() {
        try (VaultConnection connection = connection(bao.caFile().toString())) {
            VaultTransitCipher cipher = new VaultTransitCipher(new VaultTransit(connection));
            CipherContext context = new CipherContext(UUID.randomUUID(), UUID.randomUUID());
            assertThat(cipher.decryptAll(context, cipher.encryptAll(context, List.of("1234-5678"))))
                    .containsExactly("1234-5678");
        }
    }

    @Test
    void withoutCaFile_anUntrustedCertificate_isRefusedWithSentence() {
        try (VaultConnection connection = connection("")) {
            VaultTransitCipher cipher = new VaultTransitCipher(new VaultTransit(connection));
            assertThatThrownBy(() ->
                            cipher.encryptAll(new CipherContext(UUID.randomUUID(), UUID.randomUUID()), List.of("x")))
                    .isInstanceOf(CipherUnavailableException.class)
                    .hasMessage(
                            "Breakglass could not open a trusted connection to Vault. Your Breakglass administrator "
                                    + "needs to check Vault's certificate (breakglass.vault.ca-file).");
        }
    }

    private static VaultConnection connection(String ca) {
        return new VaultConnection(
                new VaultSettings(
                        bao.tlsAddress(), "", "transit", OpenBao.KEY, false, Duration.ofSeconds(2), ca, "approle"),
                new VaultCredentials.Token(bao.policyTokenFor(OpenBao.KEY, false)));
    }
}
