package dev.breakglass.account;

import dev.breakglass.security.AccessPolicy;
import dev.breakglass.security.AccountAccessChanged;
import dev.breakglass.security.AccountGrant;
import dev.breakglass.security.AccountRole;
import dev.breakglass.security.NotFoundException;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who has access to an account, as what. Everyone with access sees the list; the account's Owners add and
 * remove people and set their account roles. An account always keeps at least one active Owner, and Guests
 * and Login-only users can only be Collaborators. Every change is audited.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class SharingService {

    private final AccessPolicy access;
    private final SharingRepository sharing;
    private final ApplicationEventPublisher events;

    SharingService(AccessPolicy access, SharingRepository sharing, ApplicationEventPublisher events) {
        this.access = access;
        this.sharing = sharing;
        this.events = events;
    }

    /** The people with access to the account, Owners first; anyone with access may see them. */
    public AccountPeople people(UUID accountId) {
        AccountGrant grant = access.requireAccountAccess(accountId);
        return new AccountPeople(sharing.findPeople(grant.user().workspaceId(), accountId), grant.mayShare());
    }

    /** Active members without access to the account, by name, who an Owner could add. */
    public List<Person> candidates(UUID accountId, String search, int offset, int limit) {
        AccountGrant grant = access.requireAccountOwner(accountId);
        return sharing.findMembers(grant.user().workspaceId(), search, accountId, false, offset, limit);
    }

    /**
     * Gives an active member of the workspace access to the account.
     *
     * @throws SharingRefusedException when they already have access, or would be an Owner but are a Guest or Login-only user
     */
    @Transactional
    public void share(UUID accountId, UUID userId, AccountRole role) {
        AccountGrant grant = access.requireAccountOwner(accountId);
        UUID workspaceId = grant.user().workspaceId();
        sharing.lockAccount(workspaceId, accountId).orElseThrow(() -> new NotFoundException("The account"));
        Person person =
                sharing.findActiveMember(workspaceId, userId).orElseThrow(() -> new NotFoundException("The member"));
        if (sharing.findRole(workspaceId, accountId, userId).isPresent()) {
            throw new SharingRefusedException(person.displayName() + " already has access to this account.");
        }
        requireMayHold(person, role);
        sharing.insertAccess(workspaceId, accountId, userId, role, grant.user().userId());
        events.publishEvent(
                new AccountAccessChanged(workspaceId, grant.user().userId(), accountId, userId, null, role));
    }

    /**
     * Makes someone with access an Owner or a Collaborator.
     *
     * @throws SharingRefusedException when the account would have no active Owner left, or a Guest or
     *         Login-only user would become Owner
     */
    @Transactional
    public void changeRole(UUID accountId, UUID userId, AccountRole role) {
        AccountGrant grant = access.requireAccountOwner(accountId);
        UUID workspaceId = grant.user().workspaceId();
        String label =
                sharing.lockAccount(workspaceId, accountId).orElseThrow(() -> new NotFoundException("The account"));
        AccountRole previous =
                sharing.findRole(workspaceId, accountId, userId).orElseThrow(() -> new NotFoundException("The member"));
        if (previous == role) {
            return;
        }
        if (role == AccountRole.OWNER) {
            requireMayHold(
                    sharing.findActiveMember(workspaceId, userId)
                            .orElseThrow(() -> new NotFoundException("The member")),
                    role);
        } else {
            requireAnotherOwner(workspaceId, accountId, userId, label);
        }
        sharing.updateRole(workspaceId, accountId, userId, role);
        events.publishEvent(
                new AccountAccessChanged(workspaceId, grant.user().userId(), accountId, userId, previous, role));
    }

    /**
     * Takes someone's access away; an Owner may remove themselves when another active Owner remains.
     *
     * @throws SharingRefusedException when they are the account's last active Owner
     */
    @Transactional
    public void remove(UUID accountId, UUID userId) {
        AccountGrant grant = access.requireAccountOwner(accountId);
        UUID workspaceId = grant.user().workspaceId();
        String label =
                sharing.lockAccount(workspaceId, accountId).orElseThrow(() -> new NotFoundException("The account"));
        AccountRole previous =
                sharing.findRole(workspaceId, accountId, userId).orElseThrow(() -> new NotFoundException("The member"));
        if (previous == AccountRole.OWNER) {
            requireAnotherOwner(workspaceId, accountId, userId, label);
        }
        sharing.deleteAccess(workspaceId, accountId, userId);
        events.publishEvent(
                new AccountAccessChanged(workspaceId, grant.user().userId(), accountId, userId, previous, null));
    }

    private static void requireMayHold(Person person, AccountRole role) {
        if (role == AccountRole.OWNER && !person.mayOwn()) {
            throw new SharingRefusedException(person.displayName() + " is a "
                    + person.workspaceRole().label() + " and can only be a Collaborator.");
        }
    }

    private void requireAnotherOwner(UUID workspaceId, UUID accountId, UUID userId, String label) {
        if (sharing.findRole(workspaceId, accountId, userId).orElse(null) == AccountRole.OWNER
                && sharing.countOtherActiveOwners(workspaceId, accountId, userId) == 0) {
            throw new SharingRefusedException(label + " needs at least one Owner. Make someone else Owner first.");
        }
    }
}
