package dev.breakglass.account;

import dev.breakglass.formats.CodeFormats;
import dev.breakglass.security.AccessPolicy;
import dev.breakglass.security.AccountRole;
import dev.breakglass.security.IdentityConfirmation;
import dev.breakglass.security.MemberGrant;
import dev.breakglass.security.NotFoundException;
import dev.breakglass.security.OwnersReassigned;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * All-access for the workspace Owner and Super Admins: every account of the workspace with its Owners, and
 * the reassignment of Owners, for example of an account orphaned when its last Owner left. Reassigning is
 * audited and reveals no code by itself.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class AllAccountsService {

    private final AccessPolicy access;
    private final SharingRepository sharing;
    private final CodeFormats formats;
    private final ApplicationEventPublisher events;
    private final IdentityConfirmation identity;

    AllAccountsService(
            AccessPolicy access,
            SharingRepository sharing,
            CodeFormats formats,
            ApplicationEventPublisher events,
            IdentityConfirmation identity) {
        this.identity = identity;
        this.access = access;
        this.sharing = sharing;
        this.formats = formats;
        this.events = events;
    }

    /** One page of the workspace's accounts, orphaned ones first, then by label. */
    public List<AccountOwnership> list(boolean orphanedOnly, String search, int offset, int limit) {
        MemberGrant grant = access.requireAllAccess();
        return sharing.findOwnerships(
                grant.user().workspaceId(), orphanedOnly, search, offset, limit, formats::appName);
    }

    public int count(boolean orphanedOnly, String search) {
        return sharing.countOwnerships(access.requireAllAccess().user().workspaceId(), orphanedOnly, search);
    }

    /** Active members who may own accounts (not Guests or Login-only users), by name. */
    public List<Person> ownerCandidates(String search, int offset, int limit) {
        MemberGrant grant = access.requireAllAccess();
        return sharing.findMembers(grant.user().workspaceId(), search, null, true, offset, limit);
    }

    /** The account's current active Owners, to preselect in the reassign dialog. */
    public List<Person> owners(UUID accountId) {
        MemberGrant grant = access.requireAllAccess();
        UUID workspaceId = grant.user().workspaceId();
        sharing.findLabel(workspaceId, accountId).orElseThrow(() -> new NotFoundException("The account"));
        return sharing.findActiveOwners(workspaceId, accountId);
    }

    /**
     * Makes exactly these people the account's Owners. Former Owners not among them stay as Collaborators;
     * new Owners who had no access get it.
     *
     * @throws SharingRefusedException when the list is empty, or names a Guest or Login-only user
     */
    @Transactional
    public void reassignOwners(UUID accountId, Set<UUID> ownerIds) {
        MemberGrant grant = access.requireAllAccess();
        identity.requireRecent(); // new Owners can reach the codes: a break-glass event, confirmed like a reveal
        UUID workspaceId = grant.user().workspaceId();
        sharing.lockAccount(workspaceId, accountId).orElseThrow(() -> new NotFoundException("The account"));
        if (ownerIds == null || ownerIds.isEmpty()) {
            throw new SharingRefusedException("Choose at least one Owner.");
        }
        List<Person> owners = new ArrayList<>();
        for (UUID userId : new LinkedHashSet<>(ownerIds)) {
            Person person = sharing.findActiveMember(workspaceId, userId)
                    .orElseThrow(() -> new NotFoundException("The member"));
            if (!person.mayOwn()) {
                throw new SharingRefusedException(person.displayName() + " is a "
                        + person.workspaceRole().label() + " and can only be a Collaborator.");
            }
            owners.add(person);
        }
        List<UUID> previous = sharing.findOwners(workspaceId, accountId);
        for (UUID former : previous) {
            if (!ownerIds.contains(former)) {
                sharing.updateRole(workspaceId, accountId, former, AccountRole.COLLABORATOR);
            }
        }
        for (Person owner : owners) {
            AccountRole current =
                    sharing.findRole(workspaceId, accountId, owner.userId()).orElse(null);
            if (current == null) {
                sharing.insertAccess(
                        workspaceId,
                        accountId,
                        owner.userId(),
                        AccountRole.OWNER,
                        grant.user().userId());
            } else if (current == AccountRole.COLLABORATOR) {
                sharing.updateRole(workspaceId, accountId, owner.userId(), AccountRole.OWNER);
            }
        }
        events.publishEvent(new OwnersReassigned(
                workspaceId,
                grant.user().userId(),
                accountId,
                previous,
                owners.stream().map(Person::userId).sorted().toList()));
    }
}
