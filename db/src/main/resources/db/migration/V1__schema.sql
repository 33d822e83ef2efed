-- Breakglass schema. This file and the ones after it are the schema's only source:
-- Flyway applies them, and jOOQ generates its classes from them at build time.
-- Every constraint is named so that error messages and generated keys stay stable.

CREATE TABLE workspace (
    id         uuid                     NOT NULL,
    name       varchar(200)             NOT NULL,
    created_at timestamp with time zone NOT NULL DEFAULT now(),
    CONSTRAINT workspace_pk PRIMARY KEY (id)
);

-- A person who can log in. Global, because one person may belong to several workspaces.
CREATE TABLE app_user (
    id                  uuid                     NOT NULL,
    email               varchar(320)             NOT NULL,
    display_name        varchar(200)             NOT NULL,
    password_hash       varchar(255),
    enabled             boolean                  NOT NULL DEFAULT true,
    created_at          timestamp with time zone NOT NULL DEFAULT now(),
    password_changed_at timestamp with time zone,
    CONSTRAINT app_user_pk PRIMARY KEY (id),
    CONSTRAINT app_user_email_uk UNIQUE (email),
    CONSTRAINT app_user_email_lower_ck CHECK (email = lower(email))
);

CREATE TABLE workspace_member (
    workspace_id uuid                     NOT NULL,
    user_id      uuid                     NOT NULL,
    role         varchar(20)              NOT NULL,
    status       varchar(20)              NOT NULL DEFAULT 'ACTIVE',
    joined_at    timestamp with time zone NOT NULL DEFAULT now(),
    CONSTRAINT workspace_member_pk PRIMARY KEY (workspace_id, user_id),
    CONSTRAINT workspace_member_workspace_fk FOREIGN KEY (workspace_id) REFERENCES workspace (id),
    CONSTRAINT workspace_member_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT workspace_member_role_ck
        CHECK (role IN ('OWNER', 'SUPER_ADMIN', 'ADMIN', 'USER', 'GUEST', 'LOGIN_ONLY')),
    CONSTRAINT workspace_member_status_ck CHECK (status IN ('ACTIVE', 'DEACTIVATED'))
);
CREATE INDEX workspace_member_user_ix ON workspace_member (user_id);
-- A workspace has exactly one Owner.
CREATE UNIQUE INDEX workspace_member_one_owner_ux ON workspace_member (workspace_id) WHERE role = 'OWNER';

-- A shared account whose MFA backup codes Breakglass keeps.
CREATE TABLE account (
    id           uuid                     NOT NULL,
    workspace_id uuid                     NOT NULL,
    app_key      varchar(64)              NOT NULL,
    label        varchar(200)             NOT NULL,
    login_name   varchar(320),
    mfa_state    varchar(20)              NOT NULL DEFAULT 'UNKNOWN',
    created_at   timestamp with time zone NOT NULL DEFAULT now(),
    updated_at   timestamp with time zone NOT NULL DEFAULT now(),
    version      integer                  NOT NULL DEFAULT 0,
    CONSTRAINT account_pk PRIMARY KEY (id),
    CONSTRAINT account_workspace_fk FOREIGN KEY (workspace_id) REFERENCES workspace (id),
    -- Lets child tables prove that a row and its account live in the same workspace.
    CONSTRAINT account_id_workspace_uk UNIQUE (id, workspace_id),
    CONSTRAINT account_mfa_state_ck CHECK (mfa_state IN ('ON', 'OFF', 'UNKNOWN'))
);
CREATE INDEX account_workspace_label_ix ON account (workspace_id, label);

-- Who may reach an account, and as what.
CREATE TABLE account_access (
    workspace_id uuid                     NOT NULL,
    account_id   uuid                     NOT NULL,
    user_id      uuid                     NOT NULL,
    role         varchar(20)              NOT NULL,
    granted_at   timestamp with time zone NOT NULL DEFAULT now(),
    granted_by   uuid,
    CONSTRAINT account_access_pk PRIMARY KEY (account_id, user_id),
    CONSTRAINT account_access_account_fk FOREIGN KEY (account_id, workspace_id)
        REFERENCES account (id, workspace_id) ON DELETE CASCADE,
    CONSTRAINT account_access_member_fk FOREIGN KEY (workspace_id, user_id)
        REFERENCES workspace_member (workspace_id, user_id),
    CONSTRAINT account_access_role_ck CHECK (role IN ('OWNER', 'COLLABORATOR'))
);
CREATE INDEX account_access_user_ix ON account_access (user_id);

-- One saved set of backup codes; an account has at most one ACTIVE set, older ones stay as history.
CREATE TABLE backup_code_set (
    id             uuid                     NOT NULL,
    workspace_id   uuid                     NOT NULL,
    account_id     uuid                     NOT NULL,
    format_id      varchar(64)              NOT NULL,
    code_count     integer                  NOT NULL,
    saved_by       uuid                     NOT NULL,
    saved_at       timestamp with time zone NOT NULL DEFAULT now(),
    state          varchar(20)              NOT NULL DEFAULT 'ACTIVE',
    ended_by       uuid,
    ended_at       timestamp with time zone,
    used_at_end    integer,
    version        integer                  NOT NULL DEFAULT 0,
    CONSTRAINT backup_code_set_pk PRIMARY KEY (id),
    CONSTRAINT backup_code_set_account_fk FOREIGN KEY (account_id, workspace_id)
        REFERENCES account (id, workspace_id) ON DELETE CASCADE,
    CONSTRAINT backup_code_set_saved_by_fk FOREIGN KEY (saved_by) REFERENCES app_user (id),
    CONSTRAINT backup_code_set_ended_by_fk FOREIGN KEY (ended_by) REFERENCES app_user (id),
    CONSTRAINT backup_code_set_state_ck CHECK (state IN ('ACTIVE', 'REPLACED', 'DELETED')),
    CONSTRAINT backup_code_set_count_ck CHECK (code_count BETWEEN 1 AND 100),
    CONSTRAINT backup_code_set_id_workspace_uk UNIQUE (id, workspace_id)
);
CREATE UNIQUE INDEX backup_code_set_one_active_ux ON backup_code_set (account_id) WHERE state = 'ACTIVE';

-- One code of a set, encrypted on its own. The ciphertext names its cipher and key version
-- (local:v1:..., vault:v3:...); it is set to NULL when the set is replaced or deleted.
CREATE TABLE backup_code (
    workspace_id uuid                     NOT NULL,
    set_id       uuid                     NOT NULL,
    position     integer                  NOT NULL,
    ciphertext   text,
    used_at      timestamp with time zone,
    used_by      uuid,
    CONSTRAINT backup_code_pk PRIMARY KEY (set_id, position),
    CONSTRAINT backup_code_set_fk FOREIGN KEY (set_id, workspace_id)
        REFERENCES backup_code_set (id, workspace_id) ON DELETE CASCADE,
    CONSTRAINT backup_code_used_by_fk FOREIGN KEY (used_by) REFERENCES app_user (id),
    CONSTRAINT backup_code_position_ck CHECK (position >= 1)
);

-- What happened, by whom, to which account. Append only: a trigger refuses UPDATE, DELETE and TRUNCATE.
-- Each event carries a hash chained to the workspace's previous event (seq order), filled in by a trigger,
-- so a changed or removed event shows up when the chain is checked. details never holds a code.
CREATE TABLE audit_event (
    id           bigint GENERATED ALWAYS AS IDENTITY,
    workspace_id uuid                     NOT NULL,
    seq          bigint                   NOT NULL,
    actor_id     uuid,
    action       varchar(64)              NOT NULL,
    account_id   uuid,
    at           timestamp with time zone NOT NULL DEFAULT now(),
    details      jsonb                    NOT NULL DEFAULT '{}',
    prev_hash    bytea,
    hash         bytea                    NOT NULL,
    CONSTRAINT audit_event_pk PRIMARY KEY (id),
    CONSTRAINT audit_event_workspace_fk FOREIGN KEY (workspace_id) REFERENCES workspace (id),
    CONSTRAINT audit_event_seq_uk UNIQUE (workspace_id, seq)
);
CREATE INDEX audit_event_workspace_at_ix ON audit_event (workspace_id, at);
CREATE INDEX audit_event_account_ix ON audit_event (account_id, at);

-- In-app notices: the other Owners of an account hear when its codes are viewed, used, replaced or deleted.
CREATE TABLE notification (
    id           uuid                     NOT NULL,
    workspace_id uuid                     NOT NULL,
    recipient_id uuid                     NOT NULL,
    actor_id     uuid,
    account_id   uuid,
    kind         varchar(40)              NOT NULL,
    message      varchar(500)             NOT NULL,
    created_at   timestamp with time zone NOT NULL DEFAULT now(),
    read_at      timestamp with time zone,
    CONSTRAINT notification_pk PRIMARY KEY (id),
    CONSTRAINT notification_member_fk FOREIGN KEY (workspace_id, recipient_id)
        REFERENCES workspace_member (workspace_id, user_id) ON DELETE CASCADE
);
CREATE INDEX notification_recipient_ix ON notification (recipient_id, created_at);

/* [jooq ignore start] */
CREATE FUNCTION audit_event_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit_event is append only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_event_append_only
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();

CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();

-- The digest of one event: its own fields and the previous event's hash. The chain check uses it too.
CREATE FUNCTION audit_event_digest(prev bytea, workspace uuid, seq bigint, actor uuid, action text, account uuid,
                                   at timestamp with time zone, details jsonb) RETURNS bytea
    LANGUAGE sql STABLE AS
$$
SELECT sha256(coalesce(prev, '\x'::bytea) || convert_to(concat_ws('|', workspace::text, seq::text,
    coalesce(actor::text, '-'), action, coalesce(account::text, '-'),
    to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), details::text), 'UTF8'))
$$;

-- Chains every new event to the workspace's previous one. The advisory lock makes concurrent inserts of one
-- workspace take their turn, so the chain never forks.
CREATE FUNCTION audit_event_chain() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    last_seq  bigint;
    last_hash bytea;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('audit_event:' || NEW.workspace_id::text, 0));
    SELECT e.seq, e.hash INTO last_seq, last_hash
      FROM audit_event e WHERE e.workspace_id = NEW.workspace_id ORDER BY e.seq DESC LIMIT 1;
    NEW.seq := coalesce(last_seq, 0) + 1;
    NEW.prev_hash := last_hash;
    NEW.hash := audit_event_digest(NEW.prev_hash, NEW.workspace_id, NEW.seq, NEW.actor_id, NEW.action,
                                   NEW.account_id, NEW.at, NEW.details);
    RETURN NEW;
END;
$$;

CREATE TRIGGER audit_event_chain
    BEFORE INSERT ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_chain();
/* [jooq ignore stop] */
