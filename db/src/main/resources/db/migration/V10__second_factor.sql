-- A member's second factor for signing in to Breakglass itself, and the workspace's rule about it.

-- Who must have a second factor: NOBODY (the default), CODE_KEEPERS (members who are an Owner of an account that
-- has saved codes) or EVERYONE.
ALTER TABLE workspace
    ADD COLUMN second_factor_policy varchar(20) NOT NULL DEFAULT 'NOBODY',
    ADD CONSTRAINT workspace_second_factor_policy_ck
        CHECK (second_factor_policy IN ('NOBODY', 'CODE_KEEPERS', 'EVERYONE'));

-- An authenticator app (RFC 6238). The secret is encrypted with the same cipher as backup codes, bound to the
-- member and to this enrolment's id, so a ciphertext copied to another member or enrolment does not decrypt.
-- confirmed_at is empty while the member has not yet typed one right code: such a row is not a factor.
-- last_used_step is the time step (Unix seconds / 30) of the last code accepted, so no code is accepted twice.
CREATE TABLE authenticator_app (
    workspace_id      uuid                     NOT NULL,
    user_id           uuid                     NOT NULL,
    enrolment_id      uuid                     NOT NULL,
    secret_ciphertext text                     NOT NULL,
    created_at        timestamp with time zone NOT NULL DEFAULT now(),
    confirmed_at      timestamp with time zone,
    last_used_step    bigint,
    CONSTRAINT authenticator_app_pk PRIMARY KEY (workspace_id, user_id),
    CONSTRAINT authenticator_app_member_fk FOREIGN KEY (workspace_id, user_id)
        REFERENCES workspace_member (workspace_id, user_id) ON DELETE CASCADE
);

-- Breakglass's own one-time recovery codes, Argon2 hashes only; a used code keeps its row with used_at.
CREATE TABLE recovery_code (
    id           uuid                     NOT NULL,
    workspace_id uuid                     NOT NULL,
    user_id      uuid                     NOT NULL,
    code_hash    varchar(255)             NOT NULL,
    created_at   timestamp with time zone NOT NULL DEFAULT now(),
    used_at      timestamp with time zone,
    CONSTRAINT recovery_code_pk PRIMARY KEY (id),
    CONSTRAINT recovery_code_member_fk FOREIGN KEY (workspace_id, user_id)
        REFERENCES workspace_member (workspace_id, user_id) ON DELETE CASCADE
);
CREATE INDEX recovery_code_member_ix ON recovery_code (workspace_id, user_id);
