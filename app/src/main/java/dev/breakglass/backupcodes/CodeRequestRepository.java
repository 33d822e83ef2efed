package dev.breakglass.backupcodes;

import static dev.breakglass.db.Tables.ACCOUNT;
import static dev.breakglass.db.Tables.APP_USER;
import static dev.breakglass.db.Tables.CODE_REQUEST;
import static dev.breakglass.db.Tables.CODE_REQUEST_APPROVAL;
import static dev.breakglass.db.Tables.CODE_REQUEST_POLICY;
import static org.jooq.impl.DSL.arrayAgg;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.select;

import dev.breakglass.db.tables.AppUser;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/** Break-glass requests, their approvals and each account's request policy. */
@Repository
class CodeRequestRepository {

    private static final AppUser REQUESTER = APP_USER.as("requester");
    private static final AppUser ANSWERER = APP_USER.as("answerer");
    private static final AppUser APPROVER = APP_USER.as("approver");
    private static final Field<String[]> APPROVED_BY =
            field(select(arrayAgg(APPROVER.DISPLAY_NAME).orderBy(CODE_REQUEST_APPROVAL.APPROVED_AT))
                    .from(CODE_REQUEST_APPROVAL)
                    .join(APPROVER)
                    .on(APPROVER.ID.eq(CODE_REQUEST_APPROVAL.APPROVER_ID))
                    .where(CODE_REQUEST_APPROVAL.REQUEST_ID.eq(CODE_REQUEST.ID)));

    private final DSLContext db;

    CodeRequestRepository(DSLContext db) {
        this.db = db;
    }

    /** The account a request belongs to, within the workspace; empty for a request of another workspace. */
    Optional<UUID> accountOf(UUID requestId, UUID workspaceId) {
        return db.select(CODE_REQUEST.ACCOUNT_ID)
                .from(CODE_REQUEST)
                .where(CODE_REQUEST.ID.eq(requestId))
                .and(CODE_REQUEST.WORKSPACE_ID.eq(workspaceId))
                .fetchOptional(CODE_REQUEST.ACCOUNT_ID);
    }

    RequestPolicy findPolicy(UUID accountId) {
        return db.select(CODE_REQUEST_POLICY.WAITING_PERIOD_MINUTES, CODE_REQUEST_POLICY.APPROVALS_NEEDED)
                .from(CODE_REQUEST_POLICY)
                .where(CODE_REQUEST_POLICY.ACCOUNT_ID.eq(accountId))
                .fetchOptional(r ->
                        new RequestPolicy(Optional.ofNullable(r.value1()).map(Duration::ofMinutes), r.value2() == 2))
                .orElseGet(RequestPolicy::standard);
    }

    void savePolicy(UUID workspaceId, UUID accountId, RequestPolicy policy, UUID userId, OffsetDateTime now) {
        Integer minutes = policy.waitingPeriod()
                .map(Duration::toMinutes)
                .map(Long::intValue)
                .orElse(null);
        db.insertInto(CODE_REQUEST_POLICY)
                .set(CODE_REQUEST_POLICY.ACCOUNT_ID, accountId)
                .set(CODE_REQUEST_POLICY.WORKSPACE_ID, workspaceId)
                .set(CODE_REQUEST_POLICY.WAITING_PERIOD_MINUTES, minutes)
                .set(CODE_REQUEST_POLICY.APPROVALS_NEEDED, policy.approvalsNeeded())
                .set(CODE_REQUEST_POLICY.UPDATED_BY, userId)
                .set(CODE_REQUEST_POLICY.UPDATED_AT, now)
                .onConflict(CODE_REQUEST_POLICY.ACCOUNT_ID)
                .doUpdate()
                .set(CODE_REQUEST_POLICY.WAITING_PERIOD_MINUTES, minutes)
                .set(CODE_REQUEST_POLICY.APPROVALS_NEEDED, policy.approvalsNeeded())
                .set(CODE_REQUEST_POLICY.UPDATED_BY, userId)
                .set(CODE_REQUEST_POLICY.UPDATED_AT, now)
                .execute();
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the requester has an open request already */
    void insert(
            UUID id,
            UUID workspaceId,
            UUID accountId,
            UUID requesterId,
            String reason,
            int approvalsNeeded,
            OffsetDateTime now,
            OffsetDateTime autoApproveAt) {
        db.insertInto(CODE_REQUEST)
                .set(CODE_REQUEST.ID, id)
                .set(CODE_REQUEST.WORKSPACE_ID, workspaceId)
                .set(CODE_REQUEST.ACCOUNT_ID, accountId)
                .set(CODE_REQUEST.REQUESTER_ID, requesterId)
                .set(CODE_REQUEST.REASON, reason)
                .set(CODE_REQUEST.APPROVALS_NEEDED, approvalsNeeded)
                .set(CODE_REQUEST.CREATED_AT, now)
                .set(CODE_REQUEST.AUTO_APPROVE_AT, autoApproveAt)
                .execute();
    }

    /** Locks the request's row until the transaction ends: every answer to it takes this lock first. */
    Optional<Locked> lock(UUID requestId) {
        return db.select(
                        CODE_REQUEST.ID,
                        CODE_REQUEST.WORKSPACE_ID,
                        CODE_REQUEST.ACCOUNT_ID,
                        CODE_REQUEST.REQUESTER_ID,
                        CODE_REQUEST.STATE,
                        CODE_REQUEST.APPROVALS_NEEDED,
                        CODE_REQUEST.APPROVAL_EXPIRES_AT)
                .from(CODE_REQUEST)
                .where(CODE_REQUEST.ID.eq(requestId))
                .forUpdate()
                .fetchOptional(r -> new Locked(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        r.value4(),
                        RequestState.valueOf(r.value5()),
                        r.value6(),
                        r.value7()));
    }

    /** @return whether this Owner's approval is new (false when they approved before) */
    boolean addApproval(UUID requestId, UUID workspaceId, UUID approverId, String note, OffsetDateTime now) {
        return db.insertInto(CODE_REQUEST_APPROVAL)
                        .set(CODE_REQUEST_APPROVAL.REQUEST_ID, requestId)
                        .set(CODE_REQUEST_APPROVAL.WORKSPACE_ID, workspaceId)
                        .set(CODE_REQUEST_APPROVAL.APPROVER_ID, approverId)
                        .set(CODE_REQUEST_APPROVAL.NOTE, note)
                        .set(CODE_REQUEST_APPROVAL.APPROVED_AT, now)
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    int countApprovals(UUID requestId) {
        return db.fetchCount(CODE_REQUEST_APPROVAL, CODE_REQUEST_APPROVAL.REQUEST_ID.eq(requestId));
    }

    /** Moves a pending request on; false when it is no longer pending (another answer won). */
    boolean answer(
            UUID requestId,
            RequestState to,
            UUID answeredBy,
            String note,
            OffsetDateTime now,
            OffsetDateTime approvalExpiresAt) {
        return db.update(CODE_REQUEST)
                        .set(CODE_REQUEST.STATE, to.name())
                        .set(CODE_REQUEST.ANSWERED_BY, answeredBy)
                        .set(CODE_REQUEST.ANSWERED_AT, now)
                        .set(CODE_REQUEST.ANSWER_NOTE, note)
                        .set(CODE_REQUEST.APPROVAL_EXPIRES_AT, approvalExpiresAt)
                        .set(CODE_REQUEST.ENDED_AT, to == RequestState.DENIED ? now : null)
                        .where(CODE_REQUEST.ID.eq(requestId))
                        .and(CODE_REQUEST.STATE.eq(RequestState.PENDING.name()))
                        .execute()
                == 1;
    }

    /** Ends an open request (cancelled, expired, used); false when it was not in the expected state any more. */
    boolean end(UUID requestId, RequestState from, RequestState to, OffsetDateTime now, UUID setId, Integer position) {
        return db.update(CODE_REQUEST)
                        .set(CODE_REQUEST.STATE, to.name())
                        .set(CODE_REQUEST.ENDED_AT, now)
                        .set(CODE_REQUEST.USED_SET_ID, setId)
                        .set(CODE_REQUEST.USED_POSITION, position)
                        .where(CODE_REQUEST.ID.eq(requestId))
                        .and(CODE_REQUEST.STATE.eq(from.name()))
                        .execute()
                == 1;
    }

    /**
     * Approves the pending requests whose waiting period is over, at most {@code limit} of them. Rows another
     * instance is handling are skipped, so several instances share the work and never approve one twice.
     */
    List<Due> approveOverdue(OffsetDateTime now, Duration validFor, int limit) {
        var due = select(CODE_REQUEST.ID)
                .from(CODE_REQUEST)
                .where(CODE_REQUEST.STATE.eq(RequestState.PENDING.name()))
                .and(CODE_REQUEST.AUTO_APPROVE_AT.le(now))
                .orderBy(CODE_REQUEST.AUTO_APPROVE_AT)
                .limit(limit)
                .forUpdate()
                .skipLocked();
        return db.update(CODE_REQUEST)
                .set(CODE_REQUEST.STATE, RequestState.APPROVED.name())
                .set(CODE_REQUEST.AUTO_APPROVED, true)
                .set(CODE_REQUEST.ANSWERED_AT, now)
                .set(CODE_REQUEST.APPROVAL_EXPIRES_AT, now.plus(validFor))
                .where(CODE_REQUEST.ID.in(due))
                .and(CODE_REQUEST.STATE.eq(RequestState.PENDING.name()))
                .returningResult(
                        CODE_REQUEST.ID, CODE_REQUEST.WORKSPACE_ID, CODE_REQUEST.ACCOUNT_ID, CODE_REQUEST.REQUESTER_ID)
                .fetch(r -> new Due(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** Ends the approvals whose window is over, at most {@code limit}, skipping rows another instance holds. */
    List<Due> expireOverdue(OffsetDateTime now, int limit) {
        var due = select(CODE_REQUEST.ID)
                .from(CODE_REQUEST)
                .where(CODE_REQUEST.STATE.eq(RequestState.APPROVED.name()))
                .and(CODE_REQUEST.APPROVAL_EXPIRES_AT.lt(now))
                .orderBy(CODE_REQUEST.APPROVAL_EXPIRES_AT)
                .limit(limit)
                .forUpdate()
                .skipLocked();
        return db.update(CODE_REQUEST)
                .set(CODE_REQUEST.STATE, RequestState.EXPIRED.name())
                .set(CODE_REQUEST.ENDED_AT, now)
                .where(CODE_REQUEST.ID.in(due))
                .and(CODE_REQUEST.STATE.eq(RequestState.APPROVED.name()))
                .returningResult(
                        CODE_REQUEST.ID, CODE_REQUEST.WORKSPACE_ID, CODE_REQUEST.ACCOUNT_ID, CODE_REQUEST.REQUESTER_ID)
                .fetch(r -> new Due(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** The account's requests, open ones first, then the newest. */
    List<CodeRequest> findForAccount(UUID accountId, int limit) {
        return find(CODE_REQUEST.ACCOUNT_ID.eq(accountId), limit);
    }

    /** One requester's requests on the account, open ones first, then the newest. */
    List<CodeRequest> findOwn(UUID accountId, UUID requesterId, int limit) {
        return find(CODE_REQUEST.ACCOUNT_ID.eq(accountId).and(CODE_REQUEST.REQUESTER_ID.eq(requesterId)), limit);
    }

    Optional<CodeRequest> findOne(UUID requestId) {
        return find(CODE_REQUEST.ID.eq(requestId), 1).stream().findFirst();
    }

    /** The account's label, for messages. */
    String accountLabel(UUID accountId) {
        return db.select(ACCOUNT.LABEL)
                .from(ACCOUNT)
                .where(ACCOUNT.ID.eq(accountId))
                .fetchSingle(ACCOUNT.LABEL);
    }

    private List<CodeRequest> find(Condition condition, int limit) {
        return db.select(
                        CODE_REQUEST.ID,
                        CODE_REQUEST.ACCOUNT_ID,
                        CODE_REQUEST.REQUESTER_ID,
                        REQUESTER.DISPLAY_NAME,
                        CODE_REQUEST.REASON,
                        CODE_REQUEST.STATE,
                        CODE_REQUEST.APPROVALS_NEEDED,
                        APPROVED_BY,
                        CODE_REQUEST.CREATED_AT,
                        CODE_REQUEST.AUTO_APPROVE_AT,
                        ANSWERER.DISPLAY_NAME,
                        CODE_REQUEST.ANSWER_NOTE,
                        CODE_REQUEST.AUTO_APPROVED,
                        CODE_REQUEST.APPROVAL_EXPIRES_AT,
                        CODE_REQUEST.ENDED_AT)
                .from(CODE_REQUEST)
                .join(REQUESTER)
                .on(REQUESTER.ID.eq(CODE_REQUEST.REQUESTER_ID))
                .leftJoin(ANSWERER)
                .on(ANSWERER.ID.eq(CODE_REQUEST.ANSWERED_BY))
                .where(condition)
                .orderBy(
                        CODE_REQUEST
                                .STATE
                                .in(RequestState.PENDING.name(), RequestState.APPROVED.name())
                                .desc(),
                        CODE_REQUEST.CREATED_AT.desc())
                .limit(limit)
                .fetch(CodeRequestRepository::toRequest);
    }

    private static CodeRequest toRequest(Record r) {
        String[] approvers = r.get(APPROVED_BY);
        return new CodeRequest(
                r.get(CODE_REQUEST.ID),
                r.get(CODE_REQUEST.ACCOUNT_ID),
                r.get(CODE_REQUEST.REQUESTER_ID),
                r.get(REQUESTER.DISPLAY_NAME),
                r.get(CODE_REQUEST.REASON),
                RequestState.valueOf(r.get(CODE_REQUEST.STATE)),
                r.get(CODE_REQUEST.APPROVALS_NEEDED),
                approvers == null ? List.of() : Arrays.asList(approvers),
                r.get(CODE_REQUEST.CREATED_AT),
                r.get(CODE_REQUEST.AUTO_APPROVE_AT),
                r.get(ANSWERER.DISPLAY_NAME),
                r.get(CODE_REQUEST.ANSWER_NOTE),
                r.get(CODE_REQUEST.AUTO_APPROVED),
                r.get(CODE_REQUEST.APPROVAL_EXPIRES_AT),
                r.get(CODE_REQUEST.ENDED_AT));
    }

    /** A request's row, held for update, with what its answers need. */
    record Locked(
            UUID id,
            UUID workspaceId,
            UUID accountId,
            UUID requesterId,
            RequestState state,
            int approvalsNeeded,
            OffsetDateTime approvalExpiresAt) {}

    /** A request the schedule moved on. */
    record Due(UUID id, UUID workspaceId, UUID accountId, UUID requesterId) {}
}
