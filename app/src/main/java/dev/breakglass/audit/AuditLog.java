package dev.breakglass.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.breakglass.backupcodes.CodeMarked;
import dev.breakglass.backupcodes.CodeRequestChanged;
import dev.breakglass.backupcodes.CodesDeleted;
import dev.breakglass.backupcodes.CodesReplaced;
import dev.breakglass.backupcodes.CodesRevealed;
import dev.breakglass.backupcodes.CodesSaved;
import dev.breakglass.backupcodes.CodesUnreadable;
import dev.breakglass.encryption.CodesRewrapped;
import dev.breakglass.encryption.EncryptionKeyRotated;
import dev.breakglass.notifications.MailDeliveryFailed;
import dev.breakglass.password.PasswordChanged;
import dev.breakglass.password.SetPasswordLinkIssued;
import dev.breakglass.security.AccessPolicy;
import dev.breakglass.security.AccountAccessChanged;
import dev.breakglass.security.AccountAdded;
import dev.breakglass.security.AccountEdited;
import dev.breakglass.security.AccountRemoved;
import dev.breakglass.security.Capability;
import dev.breakglass.security.InstallationOperators;
import dev.breakglass.security.LoginFailed;
import dev.breakglass.security.MemberGrant;
import dev.breakglass.security.OwnersReassigned;
import dev.breakglass.security.PasskeyChanged;
import dev.breakglass.security.SignInSecurityChanged;
import dev.breakglass.security.SignedInWithPasskey;
import dev.breakglass.security.SignedInWithPassword;
import dev.breakglass.security.WorkspaceRole;
import dev.breakglass.workspace.MembershipChanged;
import dev.breakglass.workspace.WorkspaceCreated;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log. Writing: listeners for the other features' events, run in the publisher's transaction, so an
 * action and its audit event are saved together or not at all; details hold ids and counts, never a code.
 * Reading: an account's Owners see its activity; workspace admins see, filter, export and check everything.
 */
@Service
public class AuditLog {

    private final AuditRepository events;
    private final AuditChain chain;
    private final AccessPolicy access;
    private final InstallationOperators operators;
    private final ObjectMapper json = new ObjectMapper();

    AuditLog(AuditRepository events, AuditChain chain, AccessPolicy access, InstallationOperators operators) {
        this.events = events;
        this.chain = chain;
        this.access = access;
        this.operators = operators;
    }

    @EventListener
    void on(CodesSaved event) {
        append(
                event.workspaceId(),
                event.actorId(),
                "CODES_SAVED",
                event.accountId(),
                details -> details.put("set", event.setId().toString())
                        .put("codes", event.codeCount())
                        .put("format", event.formatId()));
    }

    @EventListener
    void on(CodesRevealed event) {
        append(
                event.workspaceId(),
                event.actorId(),
                "CODES_REVEALED",
                event.accountId(),
                details -> details.put("set", event.setId().toString()).put("codes", event.codeCount()));
    }

    @EventListener
    void on(CodesUnreadable event) {
        append(
                event.workspaceId(),
                event.actorId(),
                "CODES_UNREADABLE",
                event.accountId(),
                details -> details.put("set", event.setId().toString())
                        .put("while", event.handingOut() ? "using the next code" : "viewing codes")
                        .put("reason", event.reason()));
    }

    @EventListener
    void on(CodeMarked event) {
        String action =
                event.handedOut() ? "CODE_HANDED_OUT" : event.used() ? "CODE_MARKED_USED" : "CODE_MARKED_UNUSED";
        append(
                event.workspaceId(),
                event.actorId(),
                action,
                event.accountId(),
                details -> details.put("set", event.setId().toString())
                        .put("position", event.position())
                        .put("remaining", event.remaining()));
    }

    @EventListener
    void on(CodesReplaced event) {
        append(
                event.workspaceId(),
                event.actorId(),
                "CODES_REPLACED",
                event.accountId(),
                details -> details.put("oldSet", event.oldSetId().toString())
                        .put("oldCodes", event.oldCount())
                        .put("oldUsed", event.oldUsed())
                        .put("set", event.newSetId().toString())
                        .put("codes", event.newCount())
                        .put("format", event.formatId()));
    }

    @EventListener
    void on(CodesDeleted event) {
        append(
                event.workspaceId(),
                event.actorId(),
                "CODES_DELETED",
                event.accountId(),
                details -> details.put("set", event.setId().toString())
                        .put("codes", event.codeCount())
                        .put("used", event.usedCount()));
    }

    @EventListener
    void on(CodeRequestChanged event) {
        append(event.workspaceId(), event.actorId(), "REQUEST_" + event.change().name(), event.accountId(), details -> {
            details.put("request", event.requestId().toString())
                    .put("requester", event.requesterId().toString());
            if (event.text() != null) {
                details.put(event.change() == CodeRequestChanged.Change.REQUESTED ? "reason" : "note", event.text());
            }
        });
    }

    @EventListener
    void on(MailDeliveryFailed event) {
        append(
                event.workspaceId(),
                null,
                "MAIL_FAILED",
                null,
                details -> details.put("recipient", event.recipientId().toString())
                        .put("mail", event.mailId().toString())
                        .put("kind", event.kind())
                        .put("attempts", event.attempts())
                        .put("error", event.error()));
    }

    @EventListener
    void on(EncryptionKeyRotated event) {
        // The key is every workspace's: each workspace's log records the rotation, with the operator who made it.
        for (UUID workspaceId : operators.allWorkspaces()) {
            append(
                    workspaceId,
                    event.actorId(),
                    "ENCRYPTION_KEY_ROTATED",
                    null,
                    details -> details.put("cipher", event.cipher()).put("version", event.newVersion()));
        }
    }

    @EventListener
    void on(CodesRewrapped event) {
        for (UUID workspaceId : operators.allWorkspaces()) {
            append(
                    workspaceId,
                    event.actorId(),
                    "CODES_REWRAPPED",
                    null,
                    details -> details.put("sets", event.setsDone())
                            .put("codes", event.codesChanged())
                            .put("setsFailed", event.setsFailed())
                            .put("codesRemaining", event.codesRemaining())
                            .put("signInSecrets", event.secretsChanged())
                            .put("signInSecretsRemaining", event.secretsRemaining()));
        }
    }

    @EventListener
    void on(MembershipChanged event) {
        append(event.workspaceId(), event.actorId(), "MEMBER_" + event.change().name(), null, details -> {
            details.put("member", event.userId().toString())
                    .put("role", event.role().name());
            if (event.previousRole() != event.role()) {
                details.put("previousRole", event.previousRole().name());
            }
            if (!event.orphanedAccounts().isEmpty()) {
                ids(details.putArray("orphanedAccounts"), event.orphanedAccounts());
            }
        });
    }

    @EventListener
    void on(WorkspaceCreated event) {
        append(
                event.workspaceId(),
                event.actorId(),
                "WORKSPACE_CREATED",
                null,
                details -> details.put("owner", event.ownerId().toString())
                        .put(
                                "via",
                                event.origin() == WorkspaceCreated.Origin.COMMAND_LINE
                                        ? "command line"
                                        : "first-run page"));
    }

    @EventListener
    void on(AccountAccessChanged event) {
        String action = event.previousRole() == null
                ? "ACCESS_GRANTED"
                : event.role() == null ? "ACCESS_REVOKED" : "ACCESS_ROLE_CHANGED";
        append(event.workspaceId(), event.actorId(), action, event.accountId(), details -> {
            details.put("member", event.userId().toString());
            if (event.role() != null) {
                details.put("role", event.role().name());
            }
            if (event.previousRole() != null) {
                details.put("previousRole", event.previousRole().name());
            }
        });
    }

    @EventListener
    void on(OwnersReassigned event) {
        append(event.workspaceId(), event.actorId(), "OWNERS_REASSIGNED", event.accountId(), details -> {
            ids(details.putArray("previousOwners"), event.previousOwners());
            ids(details.putArray("owners"), event.owners());
        });
    }

    @EventListener
    void on(SetPasswordLinkIssued event) {
        append(
                event.workspaceId(),
                event.actorId(),
                "SET_PASSWORD_LINK_ISSUED",
                null,
                details -> details.put("member", event.userId().toString())
                        .put("expiresAt", event.expiresAt().toString())
                        .put("replacesPassword", event.replacesPassword()));
    }

    @EventListener
    void on(PasswordChanged event) {
        append(
                event.workspaceId(),
                event.userId(),
                event.byLink() ? "PASSWORD_SET_BY_LINK" : "PASSWORD_CHANGED",
                null,
                details -> {
                    if (event.resetBy() != null) {
                        details.put("resetBy", event.resetBy().toString()).put("revealsHeld", true);
                    }
                });
    }

    @EventListener
    void on(LoginFailed event) {
        append(
                event.workspaceId(),
                null,
                event.throttled() ? "LOGIN_THROTTLED" : "LOGIN_FAILED",
                null,
                details -> details.put("member", event.userId().toString()).put("address", event.address()));
    }

    @EventListener
    void on(SignedInWithPassword event) {
        append(
                event.workspaceId(),
                event.userId(),
                "LOGIN_SUCCEEDED",
                null,
                details -> details.put("address", event.address()).put("withCode", event.withCode()));
    }

    @EventListener
    void on(SignedInWithPasskey event) {
        append(
                event.workspaceId(),
                event.userId(),
                "LOGIN_WITH_PASSKEY",
                null,
                details -> details.put("address", event.address()));
    }

    @EventListener
    void on(PasskeyChanged event) {
        append(event.workspaceId(), event.userId(), "PASSKEY_" + event.change().name(), null, details -> {
            details.put("name", event.name());
            if (event.previousName() != null) {
                details.put("previousName", event.previousName());
            }
        });
    }

    @EventListener
    void on(SignInSecurityChanged event) {
        append(event.workspaceId(), event.actorId(), event.action().name(), null, details -> {
            details.put("member", event.memberId().toString());
            if (event.count() > 0) {
                details.put("count", event.count());
            }
            if (!event.detail().isEmpty()) {
                details.put("detail", event.detail());
            }
        });
    }

    @EventListener
    void on(AccountAdded event) {
        append(event.workspaceId(), event.actorId(), "ACCOUNT_ADDED", event.accountId(), details -> {
            details.put("label", event.label()).put("app", event.appName()).put("mfa", event.mfaState());
            ids(details.putArray("owners"), event.owners());
            ids(details.putArray("collaborators"), event.collaborators());
            if (event.imported()) {
                details.put("imported", true);
            }
        });
    }

    @EventListener
    void on(AccountEdited event) {
        append(event.workspaceId(), event.actorId(), "ACCOUNT_EDITED", event.accountId(), details -> {
            ObjectNode changes = details.putObject("changes");
            event.changes()
                    .forEach(change -> changes.putObject(change.setting())
                            .put("before", change.before())
                            .put("after", change.after()));
            if (event.notesChanged()) {
                // The notes' content stays out of the log.
                details.put("notes", "changed");
            }
        });
    }

    @EventListener
    void on(AccountRemoved event) {
        append(event.workspaceId(), event.actorId(), "ACCOUNT_REMOVED", event.accountId(), details -> {
            details.put("label", event.label());
            if (event.activeSetId() != null) {
                details.put("destroyedSet", event.activeSetId().toString());
            }
        });
    }

    private static void ids(ArrayNode array, List<UUID> ids) {
        ids.forEach(id -> array.add(id.toString()));
    }

    /** Appends an event for another feature that records what happened with ids and counts only. */
    public void append(UUID workspaceId, UUID actorId, String action, UUID accountId, Consumer<ObjectNode> details) {
        ObjectNode node = json.createObjectNode();
        details.accept(node);
        events.append(workspaceId, actorId, action, accountId, node.toString());
    }

    /** One page of what happened to an account, newest first: for the account's Owners. */
    @PreAuthorize("isAuthenticated()")
    public List<AuditEntry> accountActivity(UUID accountId, int offset, int limit) {
        return events.find(requireOwner(accountId), forAccount(accountId), offset, limit);
    }

    @PreAuthorize("isAuthenticated()")
    public int countAccountActivity(UUID accountId) {
        return events.count(requireOwner(accountId), forAccount(accountId));
    }

    /** One page of the workspace's audit log, newest first. */
    @PreAuthorize("hasRole('" + Capability.READ_AUDIT_LOG + "')")
    public List<AuditEntry> search(AuditFilter filter, int offset, int limit) {
        return events.find(workspace(), filter, offset, limit);
    }

    @PreAuthorize("hasRole('" + Capability.READ_AUDIT_LOG + "')")
    public int count(AuditFilter filter) {
        return events.count(workspace(), filter);
    }

    /** Every matching event, newest first, streamed to the consumer (for exports). */
    @PreAuthorize("hasRole('" + Capability.READ_AUDIT_LOG + "')")
    @Transactional(readOnly = true)
    public void export(AuditFilter filter, Consumer<AuditEntry> consumer) {
        events.forEach(workspace(), filter, consumer);
    }

    /** Who took a copy of the log, in which form and how much of it, is itself part of the log. */
    @PreAuthorize("hasRole('" + Capability.READ_AUDIT_LOG + "')")
    @Transactional
    public void recordExport(String format, int rows) {
        MemberGrant reader = access.requireMemberWho(WorkspaceRole::mayReadAuditLog, "The audit log");
        append(
                reader.user().workspaceId(),
                reader.user().userId(),
                "AUDIT_LOG_EXPORTED",
                null,
                details -> details.put("format", format).put("rows", rows));
    }

    /** Whether the workspace's chain of audit events is intact, checked from its first event. */
    @PreAuthorize("hasRole('" + Capability.READ_AUDIT_LOG + "')")
    public ChainCheck verifyChain() {
        return chain.checkAll(workspace());
    }

    /** The chain's head, with what came since this instance last checked it (the Audit log page, on opening). */
    @PreAuthorize("hasRole('" + Capability.READ_AUDIT_LOG + "')")
    public ChainCheck chainHead() {
        return chain.checkSinceLast(workspace());
    }

    /** The workspace's members, for the person filter. */
    @PreAuthorize("hasRole('" + Capability.READ_AUDIT_LOG + "')")
    public List<Choice> people() {
        return events.people(workspace());
    }

    /** One page of the workspace's accounts whose label holds the text, for the account filter (fetched as typed). */
    @PreAuthorize("hasRole('" + Capability.READ_AUDIT_LOG + "')")
    public List<Choice> accounts(String text, int offset, int limit) {
        return events.accounts(workspace(), text, offset, limit);
    }

    /** The workspace's account with this id, for the account filter a link names. */
    @PreAuthorize("hasRole('" + Capability.READ_AUDIT_LOG + "')")
    public Optional<Choice> account(UUID accountId) {
        return events.account(workspace(), accountId);
    }

    /** The actions that occur in the workspace's log, and the known ones. */
    @PreAuthorize("hasRole('" + Capability.READ_AUDIT_LOG + "')")
    public List<String> actions() {
        SortedSet<String> actions = new TreeSet<>(AuditActions.known().keySet());
        actions.addAll(events.actions(workspace()));
        return List.copyOf(actions);
    }

    private UUID requireOwner(UUID accountId) {
        return access.requireActivityReader(accountId).user().workspaceId();
    }

    /** The reader's workspace, once their current role is checked (the annotation saw their role at sign-in). */
    private UUID workspace() {
        return access.requireMemberWho(WorkspaceRole::mayReadAuditLog, "The audit log")
                .user()
                .workspaceId();
    }

    private static AuditFilter forAccount(UUID accountId) {
        return new AuditFilter(null, null, accountId, null, null);
    }
}
