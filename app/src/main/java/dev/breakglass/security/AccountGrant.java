package dev.breakglass.security;

import java.util.UUID;

/**
 * Proof that the signed-in user may reach an account, and as what.
 *
 * @param workspaceRole the user's workspace role, read at the time of the check
 */
public record AccountGrant(SignedInUser user, UUID accountId, AccountRole accountRole, WorkspaceRole workspaceRole) {

    /** Add, view, use, replace and delete backup codes: account Owners who are not Guests or Login-only. */
    public boolean mayKeepCodes() {
        return accountRole == AccountRole.OWNER && workspaceRole.mayKeepCodes();
    }

    /**
     * Add and remove people and set their account roles: the account's Owners. A Guest or Login-only user
     * recorded as Owner (the services never do that) gets no Owner powers.
     */
    public boolean mayShare() {
        return hasOwnerPowers(accountRole, workspaceRole);
    }

    /**
     * Whether these roles give an account's Owner powers (share, edit, remove): the one rule behind {@link #mayShare}
     * and what the account page offers.
     */
    public static boolean hasOwnerPowers(AccountRole accountRole, WorkspaceRole workspaceRole) {
        return accountRole == AccountRole.OWNER && workspaceRole.mayOwnAccounts();
    }
}
