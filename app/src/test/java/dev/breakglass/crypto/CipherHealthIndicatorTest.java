package dev.breakglass.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * The actuator health of the cipher against a real OpenBao server with file storage, which the test seals and
 * unseals: Vault must answer, be unsealed and have a usable key; probes are answered from a short cache.
 */
class CipherHealthIndicatorTest {

    @RegisterExtension
    static final OpenBao bao = OpenBao.withFileStorage();

    private VaultConnection connection;
    private String key;

    @BeforeEach
    void connect() {
        key = "health-" + UUID.randomUUID().toString().substring(0, 8);
        connection = new VaultConnection(
                new VaultSettings(bao.address(), "", "transit", key, true, Duration.ofSeconds(2), "", "approle"),
                new VaultCredentials.Token(bao.policyTokenFor(key, true)));
    }

    @AfterEach
    void close() {
        connection.close();
        bao.unseal();
    }

    @Test
    void vaultWithTheKey_isUp() {
        new VaultTransit(connection).ensureKey();

        Health result = health(Duration.ZERO).health();

        assertThat(result.getStatus()).isEqualTo(Status.UP);
        assertThat(result.getDetails()).containsEntry("cipher", "vault").containsEntry("latestVersion", 1);
    }

    @Test
    void missingKey_sealedVault_andUnreachableVault_areDown_withTheReason() {
        CipherHealthIndicator health = health(Duration.ZERO);
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails().get("problem").toString())
                .contains("no encryption key named '" + key + "'");

        new VaultTransit(connection).ensureKey();
        bao.seal();
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails()).containsEntry("problem", "Vault is sealed.");

        VaultConnection unreachable = new VaultConnection(
                new VaultSettings(
                        "http://127.0.0.1:1", "", "transit", key, false, Duration.ofSeconds(1), "", "approle"),
                new VaultCredentials.Token("unused"));
        Health down =
                new CipherHealthIndicator(new VaultTransit(unreachable), Duration.ZERO, Clock.systemUTC()).health();
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails().get("problem").toString()).startsWith("Vault could not be reached.");
    }

    @Test
    void sealedVault_failsEncryptAndDecrypt_withSentence() {
        VaultTransitCipher cipher = new VaultTransitCipher(new VaultTransit(connection));
        CipherContext context = new CipherContext(UUID.randomUUID(), UUID.randomUUID());
        List<String> ciphertexts = cipher.encryptAll(context, List.of("1234-5678"));
        bao.seal();

        assertThatThrownBy(() -> cipher.encryptAll(context, List.of("1234-5678")))
                .isInstanceOf(CipherUnavailableException.class)
                .hasMessage("Vault is sealed, so it cannot encrypt or decrypt codes right now. "
                        + "Ask your Vault operator to unseal it, then try again.");
        assertThatThrownBy(() -> cipher.decryptAll(context, ciphertexts)).hasMessageContaining("Vault is sealed");

        bao.unseal();
        assertThat(cipher.decryptAll(context, ciphertexts)).containsExactly("1234-5678");
    }

    @Test
    void probesWithinTheCacheTime_costOneVaultCall() {
        new VaultTransit(connection).ensureKey();
        CipherHealthIndicator health = health(Duration.ofMinutes(1));
        long before = bao.requests("transit/keys/" + key);

        for (int i = 0; i < 5; i++) {
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        }

        assertThat(bao.requests("transit/keys/" + key) - before).isEqualTo(1);
    }

    @Test
    void aTokenThatCannotBeRenewed_isReportedBeforeItExpires() {
        String shortLived = bao.bao(
                        "token",
                        "create",
                        "-policy=" + bao.writePolicyFor(key, true),
                        "-ttl=1h",
                        "-renewable=false",
                        "-field=token")
                .strip();
        VaultConnection withShortToken = new VaultConnection(
                new VaultSettings(bao.address(), "", "transit", key, true, Duration.ofSeconds(2), "", "approle"),
                new VaultCredentials.Token(shortLived));
        try {
            new VaultTransit(withShortToken).ensureKey();
            Health result = new CipherHealthIndicator(
                            new VaultTransit(withShortToken), Duration.ZERO, Clock.systemUTC())
                    .health();

            assertThat(result.getStatus()).isEqualTo(Status.UP);
            assertThat(result.getDetails()).containsKey("tokenExpiresAt").containsEntry("tokenRenewable", false);
            assertThat(result.getDetails().get("tokenWarning").toString()).contains("cannot be renewed");
        } finally {
            withShortToken.close();
        }
    }

    @Test
    void localKeyring_isUp_butNotProductionReady() {
        Health result = new CipherHealthIndicator(null, Duration.ZERO, Clock.systemUTC()).health();

        assertThat(result.getStatus()).isEqualTo(Status.UP);
        assertThat(result.getDetails()).containsEntry("cipher", "local").containsEntry("productionReady", false);
    }

    private CipherHealthIndicator health(Duration cacheFor) {
        return new CipherHealthIndicator(new VaultTransit(connection), cacheFor, Clock.systemUTC());
    }
}
