-- Failed sign-ins, counted in the database: every instance sees the same counts, a restart keeps them, and an
-- attempt is reserved under a row lock before its password is checked, so parallel guesses cannot slip past
-- the limit. A key is the SHA-256 of "pair:<e-mail>|<client address>" or "address:<client address>": what was
-- typed as an e-mail address may be a password typed in the wrong field, so it is never stored as typed. No
-- workspace_id: nobody is signed in yet, and an unknown address belongs to no workspace.
CREATE TABLE login_throttle (
    key_hash        varchar(64)              NOT NULL,
    failures        integer                  NOT NULL,
    last_attempt_at timestamp with time zone NOT NULL,
    CONSTRAINT login_throttle_pk PRIMARY KEY (key_hash),
    CONSTRAINT login_throttle_failures_ck CHECK (failures >= 0)
);
CREATE INDEX login_throttle_last_attempt_ix ON login_throttle (last_attempt_at);
