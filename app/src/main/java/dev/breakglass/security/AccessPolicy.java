package dev.breakglass.security;

import static dev.breakglass.db.Tables.ACCOUNT;
import static dev.breakglass.db.Tables.ACCOUNT_ACCESS;
import static dev.breakglass.db.Tables.WORKSPACE_MEMBER;

import java.util.UUID;
import java.util.function.Predicate;
import org.jooq.DSLContext;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.stereotype.Component;

/**
 * The one place that decides whether the signed-in user may do something. Services call it before they read
 * or change anything, so a hidden button is never the only guard. It reads the caller's current role and
 * status from the database on every check. A refusal is a {@link NotFoundException}, the same as for a
 * record that does not exist, and ids from another workspace are never found.
 */
@Component
public class AccessPolicy {

    private static final String ACTIVE = "ACTIVE";

    private final CurrentUser currentUser;
    private final DSLContext db;
    private final InstallationOperators operators;

    AccessPolicy(CurrentUser currentUser, DSLContext db, InstallationOperators operators) {
        this.currentUser = currentUser;
        this.db = db;
        this.operators = operators;
    }

    /** The caller is an Owner or Collaborator of the account, in their own workspace, and an active member. */
    public AccountGrant requireAccountAccess(UUID accountId) {
        SignedInUser user = currentUser.require();
        var row = db.select(ACCOUNT_ACCESS.ROLE, WORKSPACE_MEMBER.ROLE)
                .from(ACCOUNT_ACCESS)
                .join(ACCOUNT)
                .on(ACCOUNT.ID.eq(ACCOUNT_ACCESS.ACCOUNT_ID))
                .join(WORKSPACE_MEMBER)
                .on(WORKSPACE_MEMBER
                        .WORKSPACE_ID
                        .eq(ACCOUNT.WORKSPACE_ID)
                        .and(WORKSPACE_MEMBER.USER_ID.eq(ACCOUNT_ACCESS.USER_ID)))
                .where(ACCOUNT_ACCESS.ACCOUNT_ID.eq(accountId))
                .and(ACCOUNT_ACCESS.USER_ID.eq(user.userId()))
                .and(ACCOUNT.WORKSPACE_ID.eq(user.workspaceId()))
                .and(ACCOUNT.REMOVED_AT.isNull())
                .and(WORKSPACE_MEMBER.STATUS.eq(ACTIVE))
                .fetchOne();
        if (row == null) {
            throw new NotFoundException("The account");
        }
        return new AccountGrant(
                user, accountId, AccountRole.valueOf(row.value1()), WorkspaceRole.valueOf(row.value2()));
    }

    /** The caller may add, view, use, replace or delete the account's backup codes. */
    public AccountGrant requireCodeKeeper(UUID accountId) {
        AccountGrant grant = requireAccountAccess(accountId);
        if (!grant.mayKeepCodes()) {
            throw new NotFoundException("The account");
        }
        return grant;
    }

    /** The caller is an Owner of the account, so may share it and set its people's account roles. */
    public AccountGrant requireAccountOwner(UUID accountId) {
        AccountGrant grant = requireAccountAccess(accountId);
        if (!grant.mayShare()) {
            throw new NotFoundException("The account");
        }
        return grant;
    }

    /**
     * The caller may read what happened to the account: one of its Owners, or a former Owner who still has access
     * (demoted by a reassignment or a role change, they can still see what was done after they lost ownership).
     */
    public AccountGrant requireActivityReader(UUID accountId) {
        AccountGrant grant = requireAccountAccess(accountId);
        boolean formerOwner = grant.accountRole() != AccountRole.OWNER
                && db.fetchExists(
                        ACCOUNT_ACCESS,
                        ACCOUNT_ACCESS
                                .ACCOUNT_ID
                                .eq(accountId)
                                .and(ACCOUNT_ACCESS.USER_ID.eq(grant.user().userId()))
                                .and(ACCOUNT_ACCESS.FORMERLY_OWNER.isTrue()));
        if (grant.accountRole() != AccountRole.OWNER && !formerOwner) {
            throw new NotFoundException("The account");
        }
        return grant;
    }

    /**
     * The caller may remove the account: one of its Owners (as for sharing), or the workspace Owner or a Super
     * Admin through all-access, with or without access to it.
     */
    public MemberGrant requireAccountRemover(UUID accountId) {
        MemberGrant member = requireMember();
        boolean owner = db.fetchExists(
                ACCOUNT_ACCESS.join(ACCOUNT).on(ACCOUNT.ID.eq(ACCOUNT_ACCESS.ACCOUNT_ID)),
                ACCOUNT_ACCESS
                        .ACCOUNT_ID
                        .eq(accountId)
                        .and(ACCOUNT_ACCESS.USER_ID.eq(member.user().userId()))
                        .and(ACCOUNT_ACCESS.ROLE.eq(AccountRole.OWNER.name()))
                        .and(ACCOUNT.WORKSPACE_ID.eq(member.user().workspaceId()))
                        .and(ACCOUNT.REMOVED_AT.isNull()));
        if (!(owner && member.role().mayOwnAccounts() || member.role().mayReachAllAccounts())) {
            throw new NotFoundException("The account");
        }
        return member;
    }

    /** The caller is an active member of their workspace; the grant carries the role they hold now. */
    public MemberGrant requireMember() {
        SignedInUser user = currentUser.require();
        String role = db.select(WORKSPACE_MEMBER.ROLE)
                .from(WORKSPACE_MEMBER)
                .where(WORKSPACE_MEMBER.WORKSPACE_ID.eq(user.workspaceId()))
                .and(WORKSPACE_MEMBER.USER_ID.eq(user.userId()))
                .and(WORKSPACE_MEMBER.STATUS.eq(ACTIVE))
                .fetchOne(WORKSPACE_MEMBER.ROLE);
        if (role == null) {
            throw new NotFoundException("The workspace");
        }
        return new MemberGrant(user, WorkspaceRole.valueOf(role));
    }

    /** The caller may see the Members page: the workspace Owner, a Super Admin or an Admin. */
    public MemberGrant requireMemberManager() {
        MemberGrant grant = requireMember();
        if (!grant.role().mayManageMembers()) {
            throw new NotFoundException("The member");
        }
        return grant;
    }

    /**
     * The caller may manage this other member of their workspace: change their role, deactivate, reactivate
     * or remove them. Nobody manages themselves or the Owner here.
     */
    public ManagerGrant requireManagerOf(UUID targetUserId) {
        MemberGrant manager = requireMemberManager();
        var target = db.select(WORKSPACE_MEMBER.ROLE, WORKSPACE_MEMBER.STATUS)
                .from(WORKSPACE_MEMBER)
                .where(WORKSPACE_MEMBER.WORKSPACE_ID.eq(manager.user().workspaceId()))
                .and(WORKSPACE_MEMBER.USER_ID.eq(targetUserId))
                .fetchOne();
        if (target == null
                || targetUserId.equals(manager.user().userId())
                || !manager.role().mayManage(WorkspaceRole.valueOf(target.value1()))) {
            throw new NotFoundException("The member");
        }
        return new ManagerGrant(
                manager, targetUserId, WorkspaceRole.valueOf(target.value1()), ACTIVE.equals(target.value2()));
    }

    /**
     * The caller holds, now, the workspace role that the capability asks for; otherwise {@code what} does not
     * exist for them.
     */
    public MemberGrant requireMemberWho(Predicate<WorkspaceRole> capability, String what) {
        MemberGrant grant = requireMember();
        if (!capability.test(grant.role())) {
            throw new NotFoundException(what);
        }
        return grant;
    }

    /** The caller may list every account of the workspace and reassign Owners: the workspace Owner or a Super Admin. */
    public MemberGrant requireAllAccess() {
        MemberGrant grant = requireMember();
        if (!grant.role().mayReachAllAccounts()) {
            throw new NotFoundException("The account");
        }
        return grant;
    }

    /**
     * The caller administers what every workspace shares (the encryption key): an installation operator, by the role
     * they hold now; anyone else is told {@code what} does not exist.
     */
    public MemberGrant requireInstallationOperator(String what) {
        MemberGrant grant = requireMember();
        if (!operators.includes(grant.user(), grant.role())) {
            throw new NotFoundException(what);
        }
        return grant;
    }

    /**
     * The caller, signed in or still to set up the second factor their workspace requires: for their own sign-in
     * security only (a session whose code is still due is refused).
     */
    public MemberGrant requireMemberSettingUpFactors() {
        SignInStage stage = currentUser.stage().orElse(null);
        if (stage != SignInStage.SIGNED_IN && stage != SignInStage.ENROLMENT_REQUIRED) {
            throw new AuthenticationCredentialsNotFoundException("Please sign in.");
        }
        SignedInUser user = currentUser.findSigningIn().orElseThrow();
        String role = db.select(WORKSPACE_MEMBER.ROLE)
                .from(WORKSPACE_MEMBER)
                .where(WORKSPACE_MEMBER.WORKSPACE_ID.eq(user.workspaceId()))
                .and(WORKSPACE_MEMBER.USER_ID.eq(user.userId()))
                .and(WORKSPACE_MEMBER.STATUS.eq(ACTIVE))
                .fetchOne(WORKSPACE_MEMBER.ROLE);
        if (role == null) {
            throw new NotFoundException("The workspace");
        }
        return new MemberGrant(user, WorkspaceRole.valueOf(role));
    }

    /** The caller is the workspace Owner, the only one who may hand the workspace to someone else. */
    public MemberGrant requireWorkspaceOwner() {
        MemberGrant grant = requireMember();
        if (!grant.role().mayTransferOwnership()) {
            throw new NotFoundException("The member");
        }
        return grant;
    }
}
