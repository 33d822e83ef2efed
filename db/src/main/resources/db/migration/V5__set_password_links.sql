-- One-time links that let a new member choose their password. Only a SHA-256 hash of the token is kept,
-- so a copy of the database does not hand out working links.
CREATE TABLE set_password_token (
    token_hash   varchar(64)              NOT NULL,
    workspace_id uuid                     NOT NULL,
    user_id      uuid                     NOT NULL,
    created_by   uuid                     NOT NULL,
    created_at   timestamp with time zone NOT NULL DEFAULT now(),
    expires_at   timestamp with time zone NOT NULL,
    used_at      timestamp with time zone,
    CONSTRAINT set_password_token_pk PRIMARY KEY (token_hash),
    CONSTRAINT set_password_token_member_fk FOREIGN KEY (workspace_id, user_id)
        REFERENCES workspace_member (workspace_id, user_id) ON DELETE CASCADE,
    CONSTRAINT set_password_token_created_by_fk FOREIGN KEY (created_by) REFERENCES app_user (id),
    CONSTRAINT set_password_token_expiry_ck CHECK (expires_at > created_at)
);
CREATE INDEX set_password_token_user_ix ON set_password_token (user_id);

-- A member's accounts: the Members page's warnings about orphans, and the check when a member is removed.
CREATE INDEX account_access_workspace_user_ix ON account_access (workspace_id, user_id);
