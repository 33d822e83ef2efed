package dev.breakglass.workspace;

import dev.breakglass.database.ClusterMessages;
import dev.breakglass.password.PasswordService;
import dev.breakglass.password.SetPasswordLink;
import dev.breakglass.security.AccessPolicy;
import dev.breakglass.security.BreakGlassAdminGuard;
import dev.breakglass.security.IdentityConfirmation;
import dev.breakglass.security.ManagerGrant;
import dev.breakglass.security.MemberGrant;
import dev.breakglass.security.NotFoundException;
import dev.breakglass.security.SignedInSessions;
import dev.breakglass.security.WorkspaceRole;
import dev.breakglass.workspace.MembershipChanged.Change;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The only door to a workspace's members. The workspace Owner and Super Admins manage everyone but the Owner,
 * Admins manage Users, Guests and Login-only users, and nobody gives a role above their own. Every change is
 * audited in its own transaction; a refused one looks like a missing member.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class MemberService {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final AccessPolicy access;
    private final MemberRepository members;
    private final PasswordService passwords;
    private final SignedInSessions sessions;
    private final ApplicationEventPublisher events;
    private final ClusterMessages cluster;
    private final IdentityConfirmation identity;

    private final BreakGlassAdminGuard breakGlassAdmins;

    MemberService(
            AccessPolicy access,
            MemberRepository members,
            PasswordService passwords,
            SignedInSessions sessions,
            ApplicationEventPublisher events,
            ClusterMessages cluster,
            IdentityConfirmation identity,
            BreakGlassAdminGuard breakGlassAdmins) {
        this.access = access;
        this.breakGlassAdmins = breakGlassAdmins;
        this.members = members;
        this.passwords = passwords;
        this.sessions = sessions;
        this.events = events;
        this.cluster = cluster;
        this.identity = identity;
    }

    /** One page of the workspace's members, by name; {@code search} matches name or e-mail address. */
    public List<Member> list(String search, int offset, int limit) {
        return list(MemberFilter.matching(search), offset, limit);
    }

    /** One page of the workspace's members that the filter lets through, by name. */
    public List<Member> list(MemberFilter filter, int offset, int limit) {
        MemberGrant admin = access.requireMemberManager();
        return members.findPage(admin.user().workspaceId(), filter, offset, limit).stream()
                .map(row -> toMember(row, admin))
                .toList();
    }

    public int count(String search) {
        return count(MemberFilter.matching(search));
    }

    public int count(MemberFilter filter) {
        return members.count(access.requireMemberManager().user().workspaceId(), filter);
    }

    /**
     * Whether the signed-in member is the workspace Owner and could hand ownership to this member (active,
     * not a Guest or Login-only user, not themselves). For the UI; {@link #transferOwnership} checks again.
     */
    public boolean mayTransferOwnershipTo(Member member) {
        return ownershipTransferTargets().test(member);
    }

    /**
     * {@link #mayTransferOwnershipTo} for a whole page of members, with one permission check rather than one per
     * row. For the UI; {@link #transferOwnership} checks again.
     */
    public Predicate<Member> ownershipTransferTargets() {
        MemberGrant grant = access.requireMemberManager();
        boolean mayTransfer = grant.role().mayTransferOwnership();
        UUID self = grant.user().userId();
        return member -> mayTransfer
                && member.active()
                && member.role().mayOwnAccounts()
                && !member.userId().equals(self);
    }

    /** The roles the signed-in admin may give, most powerful first. */
    public List<WorkspaceRole> assignableRoles() {
        return access.requireMemberManager().role().assignableRoles();
    }

    /**
     * Adds a member, who then chooses a password through the returned one-time link.
     *
     * @throws InvalidMemberException when the e-mail address or name cannot be used; nothing is saved
     * @throws MemberAlreadyExistsException when the address already has a login; nothing is saved
     */
    @Transactional
    public NewMember add(String email, String displayName, WorkspaceRole role) {
        MemberGrant admin = access.requireMemberManager();
        if (role == null || !admin.role().mayAssign(role)) {
            throw new NotFoundException("The member");
        }
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        String name = displayName == null ? "" : displayName.strip();
        if (!EMAIL.matcher(address).matches() || address.length() > 320) {
            throw new InvalidMemberException("email", "Enter an e-mail address such as name@example.com.");
        }
        if (name.isEmpty() || name.length() > 200) {
            throw new InvalidMemberException("displayName", "Enter the member's name, up to 200 characters.");
        }
        UUID workspaceId = admin.user().workspaceId();
        UUID userId = members.findLogin(address)
                .map(existing -> {
                    if (existing.memberSomewhere()) {
                        throw new MemberAlreadyExistsException();
                    }
                    members.resetLogin(existing.userId(), name);
                    return existing.userId();
                })
                .orElseGet(() -> {
                    UUID id = UUID.randomUUID();
                    members.insertLogin(id, address, name);
                    return id;
                });
        members.insertMember(workspaceId, userId, role);
        events.publishEvent(
                new MembershipChanged(Change.ADDED, workspaceId, admin.user().userId(), userId, role, role, List.of()));
        SetPasswordLink link = passwords.issueSetPasswordLink(userId);
        return new NewMember(require(workspaceId, userId, admin), link);
    }

    /** A fresh one-time set-password link for a member the admin manages, for example after a forgotten password. */
    @Transactional
    public SetPasswordLink newSetPasswordLink(UUID userId) {
        access.requireManagerOf(userId);
        return passwords.issueSetPasswordLink(userId);
    }

    /**
     * The accounts that would be left without an active Owner if this member were deactivated, removed, or
     * made a Guest or Login-only user; for the confirmation the admin sees first.
     */
    public List<AccountLabel> accountsOnlyOwnedBy(UUID userId) {
        ManagerGrant grant = access.requireManagerOf(userId);
        return members.findSolelyOwned(grant.manager().user().workspaceId(), userId);
    }

    /**
     * Gives a member another role. A Guest or Login-only user can only be a Collaborator, so their Owner grants
     * become Collaborator grants. Their sessions end, so the new role applies from their next sign-in on. Needs a
     * recent step-up of the admin.
     *
     * @return the accounts the change left without an active Owner
     */
    @Transactional
    public List<AccountLabel> changeRole(UUID userId, WorkspaceRole role) {
        ManagerGrant grant = access.requireManagerOf(userId);
        if (role == null || !grant.manager().role().mayAssign(role)) {
            throw new NotFoundException("The member");
        }
        if (role == grant.targetRole()) {
            return List.of();
        }
        identity.requireRecent(); // a role decides who reaches codes: a privileged change, like showing them
        UUID workspaceId = grant.manager().user().workspaceId();
        List<AccountLabel> orphaned = List.of();
        if (!role.mayOwnAccounts()) {
            orphaned = grant.targetActive() ? members.findSolelyOwned(workspaceId, userId) : List.of();
            members.demoteAccountOwnerships(workspaceId, userId);
        }
        members.updateRole(workspaceId, userId, role);
        publish(Change.ROLE_CHANGED, grant, grant.targetRole(), role, orphaned);
        endSessionsAfterCommit(userId);
        return orphaned;
    }

    /**
     * Deactivates a member: they cannot sign in and their open sessions end at once. Their account access
     * stays for a later reactivation. The break-glass admin of a workspace where single sign-on is the only way in
     * cannot be deactivated ({@link dev.breakglass.security.BreakGlassAdminNeededException}).
     *
     * @return the accounts left without an active Owner, now listed as orphaned
     */
    @Transactional
    public List<AccountLabel> deactivate(UUID userId) {
        ManagerGrant grant = access.requireManagerOf(userId);
        if (!grant.targetActive()) {
            return List.of();
        }
        UUID workspaceId = grant.manager().user().workspaceId();
        breakGlassAdmins.requireNotNeeded(workspaceId, userId);
        List<AccountLabel> orphaned = members.findSolelyOwned(workspaceId, userId);
        members.updateStatus(workspaceId, userId, MemberStatus.DEACTIVATED);
        publish(Change.DEACTIVATED, grant, grant.targetRole(), grant.targetRole(), orphaned);
        endSessionsAfterCommit(userId);
        return orphaned;
    }

    /** Lets a deactivated member sign in again, with the role and account access they had. */
    @Transactional
    public void reactivate(UUID userId) {
        ManagerGrant grant = access.requireManagerOf(userId);
        if (grant.targetActive()) {
            return;
        }
        members.updateStatus(grant.manager().user().workspaceId(), userId, MemberStatus.ACTIVE);
        publish(Change.REACTIVATED, grant, grant.targetRole(), grant.targetRole(), List.of());
    }

    /**
     * Removes a member from the workspace, with all their account access; their sessions end at once. Not the
     * break-glass admin of a workspace where single sign-on is the only way in.
     *
     * @return the accounts left without an active Owner, now listed as orphaned
     */
    @Transactional
    public List<AccountLabel> remove(UUID userId) {
        ManagerGrant grant = access.requireManagerOf(userId);
        UUID workspaceId = grant.manager().user().workspaceId();
        breakGlassAdmins.requireNotNeeded(workspaceId, userId);
        List<AccountLabel> orphaned = grant.targetActive() ? members.findSolelyOwned(workspaceId, userId) : List.of();
        members.deleteMember(workspaceId, userId);
        publish(Change.REMOVED, grant, grant.targetRole(), grant.targetRole(), orphaned);
        endSessionsAfterCommit(userId);
        return orphaned;
    }

    /**
     * Makes another active member the workspace Owner; the signed-in Owner becomes a Super Admin. Only the
     * Owner may do this, and only to someone who may own accounts (not a Guest or Login-only user).
     */
    @Transactional
    public void transferOwnership(UUID userId) {
        MemberGrant owner = access.requireWorkspaceOwner();
        identity.requireRecent();
        UUID workspaceId = owner.user().workspaceId();
        MemberRepository.MemberRow target = members.findOne(workspaceId, userId)
                .filter(row -> row.status() == MemberStatus.ACTIVE && row.role().mayOwnAccounts())
                .filter(row -> !row.userId().equals(owner.user().userId()))
                .orElseThrow(() -> new NotFoundException("The member"));
        // The old Owner steps down first: a partial unique index allows one Owner per workspace.
        members.updateRole(workspaceId, owner.user().userId(), WorkspaceRole.SUPER_ADMIN);
        members.updateRole(workspaceId, userId, WorkspaceRole.OWNER);
        events.publishEvent(new MembershipChanged(
                Change.ROLE_CHANGED,
                workspaceId,
                owner.user().userId(),
                owner.user().userId(),
                WorkspaceRole.OWNER,
                WorkspaceRole.SUPER_ADMIN,
                List.of()));
        events.publishEvent(new MembershipChanged(
                Change.OWNERSHIP_RECEIVED,
                workspaceId,
                owner.user().userId(),
                userId,
                target.role(),
                WorkspaceRole.OWNER,
                List.of()));
        endSessionsAfterCommit(userId);
    }

    private void publish(
            Change change, ManagerGrant grant, WorkspaceRole before, WorkspaceRole after, List<AccountLabel> orphaned) {
        events.publishEvent(new MembershipChanged(
                change,
                grant.manager().user().workspaceId(),
                grant.manager().user().userId(),
                grant.targetUserId(),
                before,
                after,
                orphaned.stream().map(AccountLabel::accountId).toList()));
    }

    private Member require(UUID workspaceId, UUID userId, MemberGrant admin) {
        return members.findOne(workspaceId, userId)
                .map(row -> toMember(row, admin))
                .orElseThrow();
    }

    private static Member toMember(MemberRepository.MemberRow row, MemberGrant admin) {
        boolean manageable =
                !row.userId().equals(admin.user().userId()) && admin.role().mayManage(row.role());
        return new Member(
                row.userId(), row.displayName(), row.email(), row.role(), row.status(), row.passwordSet(), manageable);
    }

    /**
     * Sessions end only once the change is saved, so a rolled-back change leaves them alone: here at once, and on
     * every other instance when the message sent in the same transaction arrives ({@link SessionsEndedEverywhere}).
     */
    private void endSessionsAfterCommit(UUID userId) {
        cluster.publish(SessionsEndedEverywhere.CHANNEL, userId.toString());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sessions.endAllOf(userId);
            }
        });
    }
}
