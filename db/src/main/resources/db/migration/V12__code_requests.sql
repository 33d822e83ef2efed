-- Break-glass requests: a Collaborator asks for one code, the account's Owners answer (docs/requests.md).

-- How an account answers requests. No row: no waiting period, one Owner's approval is enough.
-- waiting_period_minutes: when no Owner answers within it, a request is approved by itself (60 to 10080).
-- approvals_needed: 2 for a quorum of two different Owners.
CREATE TABLE code_request_policy (
    account_id             uuid                     NOT NULL,
    workspace_id           uuid                     NOT NULL,
    waiting_period_minutes integer,
    approvals_needed       integer                  NOT NULL DEFAULT 1,
    updated_by             uuid                     NOT NULL,
    updated_at             timestamp with time zone NOT NULL,
    CONSTRAINT code_request_policy_pk PRIMARY KEY (account_id),
    CONSTRAINT code_request_policy_account_fk FOREIGN KEY (account_id, workspace_id)
        REFERENCES account (id, workspace_id) ON DELETE CASCADE,
    CONSTRAINT code_request_policy_updated_by_fk FOREIGN KEY (updated_by) REFERENCES app_user (id),
    CONSTRAINT code_request_policy_waiting_ck CHECK (waiting_period_minutes BETWEEN 60 AND 10080),
    CONSTRAINT code_request_policy_approvals_ck CHECK (approvals_needed IN (1, 2))
);

-- One request for one code. state moves once out of PENDING (to APPROVED, DENIED or CANCELLED) and once out of
-- APPROVED (to USED, EXPIRED or CANCELLED), always by a conditional UPDATE under the row's lock, so exactly one
-- answer wins. The reason and notes are the people's words, never a code.
CREATE TABLE code_request (
    id                  uuid                     NOT NULL,
    workspace_id        uuid                     NOT NULL,
    account_id          uuid                     NOT NULL,
    requester_id        uuid                     NOT NULL,
    reason              varchar(500)             NOT NULL,
    state               varchar(20)              NOT NULL DEFAULT 'PENDING',
    approvals_needed    integer                  NOT NULL DEFAULT 1,
    created_at          timestamp with time zone NOT NULL,
    auto_approve_at     timestamp with time zone,
    answered_by         uuid,
    answered_at         timestamp with time zone,
    answer_note         varchar(500),
    auto_approved       boolean                  NOT NULL DEFAULT false,
    approval_expires_at timestamp with time zone,
    ended_at            timestamp with time zone,
    used_set_id         uuid,
    used_position       integer,
    CONSTRAINT code_request_pk PRIMARY KEY (id),
    CONSTRAINT code_request_account_fk FOREIGN KEY (account_id, workspace_id)
        REFERENCES account (id, workspace_id) ON DELETE CASCADE,
    CONSTRAINT code_request_requester_fk FOREIGN KEY (requester_id) REFERENCES app_user (id),
    CONSTRAINT code_request_answered_by_fk FOREIGN KEY (answered_by) REFERENCES app_user (id),
    CONSTRAINT code_request_state_ck
        CHECK (state IN ('PENDING', 'APPROVED', 'DENIED', 'EXPIRED', 'USED', 'CANCELLED')),
    CONSTRAINT code_request_approvals_ck CHECK (approvals_needed IN (1, 2)),
    CONSTRAINT code_request_reason_ck CHECK (length(trim(reason)) > 0)
);
CREATE INDEX code_request_account_ix ON code_request (account_id, created_at);
/* [jooq ignore start] */
-- One open request per requester and account; the scheduled checks find their work without a full scan.
CREATE UNIQUE INDEX code_request_one_open_ux ON code_request (account_id, requester_id)
    WHERE state IN ('PENDING', 'APPROVED');
CREATE INDEX code_request_waiting_ix ON code_request (auto_approve_at) WHERE state = 'PENDING';
CREATE INDEX code_request_approved_ix ON code_request (approval_expires_at) WHERE state = 'APPROVED';
/* [jooq ignore stop] */

-- Each Owner's approval of a request; the key keeps one Owner from approving twice.
CREATE TABLE code_request_approval (
    request_id   uuid                     NOT NULL,
    workspace_id uuid                     NOT NULL,
    approver_id  uuid                     NOT NULL,
    note         varchar(500),
    approved_at  timestamp with time zone NOT NULL,
    CONSTRAINT code_request_approval_pk PRIMARY KEY (request_id, approver_id),
    CONSTRAINT code_request_approval_request_fk FOREIGN KEY (request_id) REFERENCES code_request (id)
        ON DELETE CASCADE,
    CONSTRAINT code_request_approval_approver_fk FOREIGN KEY (approver_id) REFERENCES app_user (id)
);
