package dev.breakglass.testing;

import static dev.breakglass.db.Tables.CODE_REQUEST;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Break-glass requests in states the services would not create for every role, for the permission matrix. */
@Component
public class RequestFixtures {

    private final DSLContext db;

    RequestFixtures(DSLContext db) {
        this.db = db;
    }

    /**
     * An approved request of this member, as if they had asked while they were an eligible Collaborator and an Owner
     * had said yes a moment ago (their role or access may have changed since).
     */
    public UUID approvedRequest(UUID workspaceId, UUID accountId, UUID requesterId) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        db.insertInto(CODE_REQUEST)
                .set(CODE_REQUEST.ID, id)
                .set(CODE_REQUEST.WORKSPACE_ID, workspaceId)
                .set(CODE_REQUEST.ACCOUNT_ID, accountId)
                .set(CODE_REQUEST.REQUESTER_ID, requesterId)
                .set(CODE_REQUEST.REASON, "Locked out")
                .set(CODE_REQUEST.STATE, "APPROVED")
                .set(CODE_REQUEST.CREATED_AT, now)
                .set(CODE_REQUEST.ANSWERED_AT, now)
                .set(CODE_REQUEST.APPROVAL_EXPIRES_AT, now.plusHours(1))
                .execute();
        return id;
    }

    /** The newest open request on the account, or an id that names no request. */
    public UUID openRequestOf(UUID accountId) {
        UUID id = db.select(CODE_REQUEST.ID)
                .from(CODE_REQUEST)
                .where(CODE_REQUEST.ACCOUNT_ID.eq(accountId))
                .and(CODE_REQUEST.STATE.in("PENDING", "APPROVED"))
                .orderBy(CODE_REQUEST.CREATED_AT.desc())
                .limit(1)
                .fetchOne(CODE_REQUEST.ID);
        return id == null ? UUID.randomUUID() : id;
    }
}
