package dev.breakglass.security;

import static dev.breakglass.db.Tables.ACCOUNT;
import static dev.breakglass.db.Tables.ACCOUNT_ACCESS;
import static dev.breakglass.db.Tables.WORKSPACE_MEMBER;

import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * The one place that decides whether the signed-in user may reach an account. Services call it before
 * they read or change anything, so a hidden button is never the only guard. A refusal is a
 * {@link NotFoundException}, the same as for an account that does not exist.
 */
@Component
public class AccessPolicy {

    private final CurrentUser currentUser;
    private final DSLContext db;

    AccessPolicy(CurrentUser currentUser, DSLContext db) {
        this.currentUser = currentUser;
        this.db = db;
    }

    /** The caller is an Owner or Collaborator of the account, in their own workspace, and an active member. */
    public AccountGrant requireAccountAccess(UUID accountId) {
        SignedInUser user = currentUser.require();
        var row = db.select(ACCOUNT_ACCESS.ROLE, WORKSPACE_MEMBER.ROLE)
                .from(ACCOUNT_ACCESS)
                .join(ACCOUNT).on(ACCOUNT.ID.eq(ACCOUNT_ACCESS.ACCOUNT_ID))
                .join(WORKSPACE_MEMBER).on(WORKSPACE_MEMBER.WORKSPACE_ID.eq(ACCOUNT.WORKSPACE_ID)
                        .and(WORKSPACE_MEMBER.USER_ID.eq(ACCOUNT_ACCESS.USER_ID)))
                .where(ACCOUNT_ACCESS.ACCOUNT_ID.eq(accountId))
                .and(ACCOUNT_ACCESS.USER_ID.eq(user.userId()))
                .and(ACCOUNT.WORKSPACE_ID.eq(user.workspaceId()))
                .and(WORKSPACE_MEMBER.STATUS.eq("ACTIVE"))
                .fetchOne();
        if (row == null) {
            throw new NotFoundException("The account");
        }
        return new AccountGrant(user, accountId, AccountRole.valueOf(row.value1()), WorkspaceRole.valueOf(row.value2()));
    }

    /** The caller may add, view, use, replace or delete the account's backup codes. */
    public AccountGrant requireCodeKeeper(UUID accountId) {
        AccountGrant grant = requireAccountAccess(accountId);
        if (!grant.mayKeepCodes()) {
            throw new NotFoundException("The account");
        }
        return grant;
    }
}
