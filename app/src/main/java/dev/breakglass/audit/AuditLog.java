package dev.breakglass.audit;

import static dev.breakglass.db.Tables.AUDIT_EVENT;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.breakglass.account.AccountAccessChanged;
import dev.breakglass.account.OwnersReassigned;
import dev.breakglass.backupcodes.CodesRevealed;
import dev.breakglass.backupcodes.CodesSaved;
import dev.breakglass.security.LoginFailed;
import dev.breakglass.security.PasswordChanged;
import dev.breakglass.security.SetPasswordLinkIssued;
import dev.breakglass.workspace.MembershipChanged;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Writes an audit event for each thing that happened. Listeners run in the publisher's transaction, so an
 * action and its audit event are saved together or not at all. Details hold counts and ids, never a code.
 */
@Service
public class AuditLog {

    private final DSLContext db;
    private final ObjectMapper json = new ObjectMapper();

    AuditLog(DSLContext db) {
        this.db = db;
    }

    @EventListener
    void on(CodesSaved event) {
        append(event.workspaceId(), event.actorId(), "CODES_SAVED", event.accountId(), details -> details
                .put("set", event.setId().toString())
                .put("codes", event.codeCount())
                .put("format", event.formatId()));
    }

    @EventListener
    void on(CodesRevealed event) {
        append(event.workspaceId(), event.actorId(), "CODES_REVEALED", event.accountId(), details -> details
                .put("set", event.setId().toString())
                .put("codes", event.codeCount()));
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
    void on(AccountAccessChanged event) {
        String action = event.previousRole() == null ? "ACCESS_GRANTED" : event.role() == null ? "ACCESS_REVOKED" : "ACCESS_ROLE_CHANGED";
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
        append(event.workspaceId(), event.actorId(), "SET_PASSWORD_LINK_ISSUED", null, details -> details
                .put("member", event.userId().toString())
                .put("expiresAt", event.expiresAt().toString()));
    }

    @EventListener
    void on(PasswordChanged event) {
        append(event.workspaceId(), event.userId(), event.byLink() ? "PASSWORD_SET_BY_LINK" : "PASSWORD_CHANGED", null,
                details -> { });
    }

    @EventListener
    void on(LoginFailed event) {
        append(event.workspaceId(), null, event.throttled() ? "LOGIN_THROTTLED" : "LOGIN_FAILED", null, details -> details
                .put("member", event.userId().toString())
                .put("address", event.address()));
    }

    private static void ids(ArrayNode array, List<UUID> ids) {
        ids.forEach(id -> array.add(id.toString()));
    }

    private void append(UUID workspaceId, UUID actorId, String action, UUID accountId, Consumer<ObjectNode> details) {
        ObjectNode node = json.createObjectNode();
        details.accept(node);
        db.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.WORKSPACE_ID, workspaceId)
                .set(AUDIT_EVENT.ACTOR_ID, actorId)
                .set(AUDIT_EVENT.ACTION, action)
                .set(AUDIT_EVENT.ACCOUNT_ID, accountId)
                .set(AUDIT_EVENT.DETAILS, JSONB.valueOf(node.toString()))
                .execute();
    }
}
