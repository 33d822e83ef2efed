package dev.breakglass.notifications;

import static dev.breakglass.db.Tables.ACCOUNT_ACCESS;
import static dev.breakglass.db.Tables.WORKSPACE_MEMBER;

import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Who hears of an account: its Owners who are active members, but the one who acted. One definition for the bell and
 * the e-mails; {@code ACCOUNT_ACCESS.USER_ID} is the recipient.
 */
final class AccountOwners {

    private AccountOwners() {}

    /** Account access joined with the members holding it. */
    static Table<?> withMembers() {
        return ACCOUNT_ACCESS
                .join(WORKSPACE_MEMBER)
                .on(WORKSPACE_MEMBER
                        .WORKSPACE_ID
                        .eq(ACCOUNT_ACCESS.WORKSPACE_ID)
                        .and(WORKSPACE_MEMBER.USER_ID.eq(ACCOUNT_ACCESS.USER_ID)));
    }

    /** The active Owners of the account, but {@code exceptUserId} (nobody when it is null). */
    static Condition of(UUID workspaceId, UUID accountId, UUID exceptUserId) {
        return ACCOUNT_ACCESS
                .ACCOUNT_ID
                .eq(accountId)
                .and(ACCOUNT_ACCESS.WORKSPACE_ID.eq(workspaceId))
                .and(ACCOUNT_ACCESS.ROLE.eq("OWNER"))
                .and(WORKSPACE_MEMBER.STATUS.eq("ACTIVE"))
                .and(exceptUserId == null ? DSL.noCondition() : ACCOUNT_ACCESS.USER_ID.ne(exceptUserId));
    }
}
