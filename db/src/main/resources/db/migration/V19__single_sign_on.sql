-- Single sign-on with an OpenID provider (docs/sso.md): at most one provider per workspace, set by its Owner.
-- The client secret is either encrypted with the cipher (bound to the workspace and to secret_id, so a ciphertext
-- copied elsewhere does not decrypt) or, when both are empty, taken from the breakglass.sso.client-secret setting.
-- allowed_domains: e-mail domains, comma-separated, that may sign in (empty: any domain of a known member).
-- just_in_time: a person from an allowed domain who is not yet a member becomes one (role User) at sign-in.
-- sso_only: passwords and passkeys are refused for everyone but the break-glass admin.
CREATE TABLE workspace_sso (
    workspace_id             uuid                     NOT NULL,
    display_name             varchar(100)             NOT NULL,
    issuer                   varchar(500)             NOT NULL,
    client_id                varchar(255)             NOT NULL,
    secret_id                uuid,
    client_secret_ciphertext text,
    allowed_domains          varchar(1000)            NOT NULL DEFAULT '',
    just_in_time             boolean                  NOT NULL DEFAULT false,
    sso_only                 boolean                  NOT NULL DEFAULT false,
    break_glass_admin_id     uuid,
    updated_at               timestamp with time zone NOT NULL DEFAULT now(),
    CONSTRAINT workspace_sso_pk PRIMARY KEY (workspace_id),
    CONSTRAINT workspace_sso_workspace_fk FOREIGN KEY (workspace_id) REFERENCES workspace (id),
    CONSTRAINT workspace_sso_secret_ck CHECK ((secret_id IS NULL) = (client_secret_ciphertext IS NULL)),
    CONSTRAINT workspace_sso_only_admin_ck CHECK (NOT sso_only OR break_glass_admin_id IS NOT NULL)
);

-- The provider's stable subject of a member, stored at their first single sign-on: later sign-ins find the member
-- by it, so a changed e-mail address at the provider keeps the link.
CREATE TABLE sso_identity (
    workspace_id   uuid                     NOT NULL,
    issuer         varchar(500)             NOT NULL,
    subject        varchar(255)             NOT NULL,
    user_id        uuid                     NOT NULL,
    linked_at      timestamp with time zone NOT NULL DEFAULT now(),
    CONSTRAINT sso_identity_pk PRIMARY KEY (workspace_id, issuer, subject),
    CONSTRAINT sso_identity_member_uk UNIQUE (workspace_id, issuer, user_id),
    CONSTRAINT sso_identity_member_fk FOREIGN KEY (workspace_id, user_id)
        REFERENCES workspace_member (workspace_id, user_id) ON DELETE CASCADE
);
