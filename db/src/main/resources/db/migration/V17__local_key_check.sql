-- A key-check value for every version of the local keyring's master key: an HMAC-SHA256 of a fixed text under
-- that key, never the key. At start Breakglass compares the key file with these rows and refuses to run when the
-- file is missing, another installation's, or an older copy, instead of silently making a new key that cannot
-- read the stored codes. Installation-wide, like the key file itself: no workspace_id.
CREATE TABLE local_key_check (
    key_version integer                  NOT NULL,
    check_value varchar(64)              NOT NULL,
    recorded_at timestamp with time zone NOT NULL DEFAULT now(),
    CONSTRAINT local_key_check_pk PRIMARY KEY (key_version),
    CONSTRAINT local_key_check_version_ck CHECK (key_version >= 1)
);
