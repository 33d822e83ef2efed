package dev.breakglass.crypto;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Actuator health of the active cipher: for Vault, whether it answers, is unsealed and has a usable key, and
 * when Breakglass's token expires; the local keyring is always up but reported as not for production. A
 * Vault answer is reused for {@code cacheFor}, so that frequent probes do not each cost two Vault calls.
 * The cipher is in neither the liveness nor the readiness group (application.properties): a Vault outage
 * makes codes unavailable, not the application dead.
 */
final class CipherHealthIndicator extends AbstractHealthIndicator {

    /** A token that cannot be renewed and expires sooner than this is reported ahead of time. */
    static final Duration TOKEN_WARNING = Duration.ofDays(7);

    private final VaultTransit transit;
    private final Duration cacheFor;
    private final Clock clock;
    private Cached cached;

    /** @param transit null when the local keyring is active */
    CipherHealthIndicator(VaultTransit transit, Duration cacheFor, Clock clock) {
        super("The cipher health check failed");
        this.transit = transit;
        this.cacheFor = cacheFor;
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (transit == null) {
            builder.up().withDetail("cipher", LocalKeyringCipher.NAME).withDetail("productionReady", false);
            return;
        }
        VaultTransit.VaultHealth health = vaultHealth();
        builder.withDetail("cipher", VaultTransitCipher.NAME).withDetail("key", transit.keyName());
        if (health.up()) {
            builder.up().withDetail("latestVersion", health.key().orElseThrow().latestVersion());
        } else {
            builder.down()
                    .withDetail("problem", health.problem())
                    .withDetail("impact", "Codes cannot be saved or shown until Vault is back; everything else works.");
        }
        VaultConnection.TokenStatus token = transit.tokenStatus();
        if (token.expiresAt() != null) {
            builder.withDetail("tokenExpiresAt", token.expiresAt().toString())
                    .withDetail("tokenRenewable", token.renewable());
            if (!token.renewable() && token.expiresAt().isBefore(clock.instant().plus(TOKEN_WARNING))) {
                builder.withDetail(
                        "tokenWarning",
                        "Breakglass's Vault token expires at " + token.expiresAt()
                                + " and cannot be renewed: give Breakglass a new token before then.");
            }
        }
    }

    private synchronized VaultTransit.VaultHealth vaultHealth() {
        Instant now = clock.instant();
        if (cached == null || !now.isBefore(cached.until())) {
            cached = new Cached(transit.health(), now.plus(cacheFor));
        }
        return cached.health();
    }

    private record Cached(VaultTransit.VaultHealth health, Instant until) {}
}
