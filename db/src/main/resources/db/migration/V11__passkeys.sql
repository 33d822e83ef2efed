-- Passkeys (WebAuthn). The two tables are the ones Spring Security's JDBC repositories read and write
-- (JdbcPublicKeyCredentialUserEntityRepository, JdbcUserCredentialRepository), with their column names; what
-- Breakglass adds is the link to the person and named constraints. A passkey belongs to a person (app_user), not to
-- a workspace, as the password does: no workspace_id.

-- The WebAuthn "user entity" of a person: a random handle the authenticator stores with the passkey. Breakglass
-- creates it when the person registers their first passkey; user_id says whose it is.
CREATE TABLE user_entities (
    id           varchar(1000) NOT NULL,
    name         varchar(320)  NOT NULL,
    display_name varchar(200),
    user_id      uuid          NOT NULL,
    CONSTRAINT user_entities_pk PRIMARY KEY (id),
    CONSTRAINT user_entities_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT user_entities_user_uk UNIQUE (user_id)
);

-- One registered passkey: its public key and counters, never a secret. label is the name its owner gave it.
CREATE TABLE user_credentials (
    credential_id                varchar(1000)            NOT NULL,
    user_entity_user_id          varchar(1000)            NOT NULL,
    public_key                   bytea                    NOT NULL,
    signature_count              bigint,
    uv_initialized               boolean,
    backup_eligible              boolean                  NOT NULL,
    authenticator_transports     varchar(1000),
    public_key_credential_type   varchar(100),
    backup_state                 boolean                  NOT NULL,
    attestation_object           bytea,
    attestation_client_data_json bytea,
    created                      timestamp with time zone,
    last_used                    timestamp with time zone,
    label                        varchar(1000)            NOT NULL,
    CONSTRAINT user_credentials_pk PRIMARY KEY (credential_id),
    CONSTRAINT user_credentials_user_entity_fk FOREIGN KEY (user_entity_user_id)
        REFERENCES user_entities (id) ON DELETE CASCADE,
    CONSTRAINT user_credentials_label_ck CHECK (label <> '')
);
CREATE UNIQUE INDEX user_credentials_label_ux ON user_credentials (user_entity_user_id, label);
