package dev.breakglass.audit;

import static dev.breakglass.db.Tables.AUDIT_EVENT;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.breakglass.backupcodes.CodesRevealed;
import dev.breakglass.backupcodes.CodesSaved;
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
