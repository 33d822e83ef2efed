package dev.breakglass.crypto;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Actuator health of the active cipher: for Vault, whether it answers, is unsealed and has the key; the
 * local keyring is always up but reported as not for production.
 */
final class CipherHealthIndicator extends AbstractHealthIndicator {

    private final VaultTransit transit;

    /** @param transit null when the local keyring is active */
    CipherHealthIndicator(VaultTransit transit) {
        super("The cipher health check failed");
        this.transit = transit;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (transit == null) {
            builder.up().withDetail("cipher", LocalKeyringCipher.NAME).withDetail("productionReady", false);
            return;
        }
        VaultTransit.VaultHealth health = transit.health();
        builder.withDetail("cipher", VaultTransitCipher.NAME).withDetail("key", transit.keyName());
        if (health.up()) {
            builder.up().withDetail("latestVersion", health.key().orElseThrow().latestVersion());
        } else {
            builder.down().withDetail("problem", health.problem());
        }
    }
}
