-- E-mail goes through an outbox: the action's transaction writes the message here, a scheduled sender delivers
-- it with retries, so a mail server outage never fails the action. A message holds no code.
CREATE TABLE mail_outbox (
    id              uuid                     NOT NULL,
    workspace_id    uuid                     NOT NULL,
    recipient_id    uuid                     NOT NULL,
    kind            varchar(40)              NOT NULL,
    to_address      varchar(320)             NOT NULL,
    subject         varchar(300)             NOT NULL,
    body            varchar(4000)            NOT NULL,
    state           varchar(20)              NOT NULL DEFAULT 'PENDING',
    attempts        integer                  NOT NULL DEFAULT 0,
    created_at      timestamp with time zone NOT NULL,
    next_attempt_at timestamp with time zone NOT NULL,
    sent_at         timestamp with time zone,
    last_error      varchar(500),
    CONSTRAINT mail_outbox_pk PRIMARY KEY (id),
    CONSTRAINT mail_outbox_workspace_fk FOREIGN KEY (workspace_id) REFERENCES workspace (id),
    CONSTRAINT mail_outbox_recipient_fk FOREIGN KEY (recipient_id) REFERENCES app_user (id),
    CONSTRAINT mail_outbox_state_ck CHECK (state IN ('PENDING', 'SENT', 'FAILED'))
);
/* [jooq ignore start] */
CREATE INDEX mail_outbox_due_ix ON mail_outbox (next_attempt_at) WHERE state = 'PENDING';
/* [jooq ignore stop] */

-- What a member wants by e-mail beyond requests: code activity on the accounts they own (off by default).
CREATE TABLE mail_preference (
    workspace_id  uuid    NOT NULL,
    user_id       uuid    NOT NULL,
    code_activity boolean NOT NULL DEFAULT false,
    CONSTRAINT mail_preference_pk PRIMARY KEY (workspace_id, user_id),
    CONSTRAINT mail_preference_member_fk FOREIGN KEY (workspace_id, user_id)
        REFERENCES workspace_member (workspace_id, user_id) ON DELETE CASCADE
);
