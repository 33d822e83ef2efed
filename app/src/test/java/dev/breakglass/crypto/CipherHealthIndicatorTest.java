package dev.breakglass.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** The actuator health of the cipher: Vault must answer, be unsealed and have the key. */
class CipherHealthIndicatorTest {

    private FakeVault vault;
    private VaultConnection connection;
    private CipherHealthIndicator health;

    @BeforeEach
    void start() {
        vault = FakeVault.start();
        connection = new VaultConnection(new VaultSettings(vault.address(), "", "transit", "breakglass", true,
                Duration.ofSeconds(1), "", "approle"), new VaultCredentials.Token(FakeVault.ROOT_TOKEN));
        health = new CipherHealthIndicator(new VaultTransit(connection));
    }

    @AfterEach
    void stop() {
        connection.close();
        vault.close();
    }

    @Test
    void vaultWithTheKey_isUp() {
        new VaultTransit(connection).ensureKey();

        Health result = health.health();

        assertThat(result.getStatus()).isEqualTo(Status.UP);
        assertThat(result.getDetails()).containsEntry("cipher", "vault").containsEntry("latestVersion", 1);
    }

    @Test
    void missingKey_sealedVault_andUnreachableVault_areDown_withTheReason() {
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails().get("problem").toString()).contains("no encryption key named 'breakglass'");

        new VaultTransit(connection).ensureKey();
        vault.sealed(true);
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails()).containsEntry("problem", "Vault is sealed.");

        vault.close();
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails().get("problem").toString()).startsWith("Vault could not be reached.");
    }

    @Test
    void localKeyring_isUp_butNotProductionReady() {
        Health result = new CipherHealthIndicator(null).health();

        assertThat(result.getStatus()).isEqualTo(Status.UP);
        assertThat(result.getDetails()).containsEntry("cipher", "local").containsEntry("productionReady", false);
    }
}
