package dev.breakglass.account;

import dev.breakglass.security.AccountRole;
import java.util.UUID;

/** An account as its details page shows it. */
public record AccountDetails(UUID id, String label, String appKey, String appName, String loginName, MfaState mfaState,
        AccountRole myRole) {
}
