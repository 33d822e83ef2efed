package dev.breakglass.account;

import dev.breakglass.security.AccountRole;
import java.util.UUID;

/**
 * One account as a card shows it.
 *
 * @param codeCount codes in the saved set, 0 when none are saved
 * @param codesRemaining unused codes in the saved set
 */
public record AccountCard(
        UUID id,
        String label,
        String appKey,
        String appName,
        String loginName,
        MfaState mfaState,
        AccountRole myRole,
        int codeCount,
        int codesRemaining) {

    public boolean codesSaved() {
        return codeCount > 0;
    }
}
