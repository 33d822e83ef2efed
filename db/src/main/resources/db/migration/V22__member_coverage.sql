-- The Accounts overview's counts for each member, kept by triggers in the transaction of every change (issue 16),
-- so that opening the page reads a few rows per member whatever the number of accounts.
-- account_coverage: what one account adds to the counts of each member it is shared with.
-- member_coverage: per member, the sums: ALL and MFA_ON_NO_CODES (bucket 0), LOW by the active set's unused-code
-- count (sets with at least one code used; the page adds up the buckets up to its low mark), SAVED by the day the
-- active set was saved (days since 1970-01-01 UTC; the page adds up the days before its cut-off).
CREATE TABLE account_coverage (
    account_id      uuid    NOT NULL,
    workspace_id    uuid    NOT NULL,
    live            boolean NOT NULL,
    mfa_on_no_codes boolean NOT NULL,
    low_bucket      integer,
    saved_day       integer,
    CONSTRAINT account_coverage_pk PRIMARY KEY (account_id),
    CONSTRAINT account_coverage_account_fk FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);

CREATE TABLE member_coverage (
    workspace_id uuid        NOT NULL,
    user_id      uuid        NOT NULL,
    kind         varchar(20) NOT NULL,
    bucket       integer     NOT NULL,
    n            integer     NOT NULL,
    CONSTRAINT member_coverage_pk PRIMARY KEY (workspace_id, user_id, kind, bucket),
    CONSTRAINT member_coverage_kind_ck CHECK (kind IN ('ALL', 'MFA_ON_NO_CODES', 'LOW', 'SAVED'))
);

/* [jooq ignore start] */
CREATE FUNCTION member_coverage_bump(ws uuid, member uuid, what varchar, b integer, delta integer) RETURNS void
    LANGUAGE sql AS
$$
INSERT INTO member_coverage (workspace_id, user_id, kind, bucket, n) VALUES (ws, member, what, b, delta)
ON CONFLICT ON CONSTRAINT member_coverage_pk DO UPDATE SET n = member_coverage.n + excluded.n
$$;

-- Adds (sign 1) or takes away (sign -1) one account's part in a member's counts.
CREATE FUNCTION member_coverage_apply(member uuid, c account_coverage, sign integer) RETURNS void
    LANGUAGE plpgsql AS
$$
BEGIN
    IF c.account_id IS NULL OR NOT c.live THEN
        RETURN;
    END IF;
    PERFORM member_coverage_bump(c.workspace_id, member, 'ALL', 0, sign);
    IF c.mfa_on_no_codes THEN
        PERFORM member_coverage_bump(c.workspace_id, member, 'MFA_ON_NO_CODES', 0, sign);
    END IF;
    IF c.low_bucket IS NOT NULL THEN
        PERFORM member_coverage_bump(c.workspace_id, member, 'LOW', c.low_bucket, sign);
    END IF;
    IF c.saved_day IS NOT NULL THEN
        PERFORM member_coverage_bump(c.workspace_id, member, 'SAVED', c.saved_day, sign);
    END IF;
END;
$$;

-- Recomputes an account's part from its row and active set, and moves every member's counts by the difference
-- from what was recorded. Comparing with the record (not with OLD) keeps it right however many rows a statement
-- changes and in whatever order the triggers run.
CREATE FUNCTION account_coverage_refresh(account uuid) RETURNS void
    LANGUAGE plpgsql AS
$$
DECLARE
    recorded account_coverage;
    now_is   account_coverage;
    member   uuid;
BEGIN
    SELECT * INTO recorded FROM account_coverage c WHERE c.account_id = account FOR UPDATE;
    SELECT a.id, a.workspace_id, a.removed_at IS NULL, a.mfa_state = 'ON' AND s.id IS NULL,
           CASE WHEN s.unused_count < s.code_count THEN s.unused_count END,
           (s.saved_at AT TIME ZONE 'UTC')::date - date '1970-01-01'
      INTO now_is
      FROM account a
      LEFT JOIN backup_code_set s ON s.account_id = a.id AND s.state = 'ACTIVE'
     WHERE a.id = account;
    IF now_is.account_id IS NULL OR row(recorded.*) IS NOT DISTINCT FROM row(now_is.*) THEN
        RETURN;
    END IF;
    FOR member IN SELECT x.user_id FROM account_access x WHERE x.account_id = account ORDER BY x.user_id LOOP
        PERFORM member_coverage_apply(member, recorded, -1);
        PERFORM member_coverage_apply(member, now_is, 1);
    END LOOP;
    INSERT INTO account_coverage VALUES (now_is.*)
    ON CONFLICT ON CONSTRAINT account_coverage_pk DO UPDATE
        SET live = excluded.live, mfa_on_no_codes = excluded.mfa_on_no_codes, low_bucket = excluded.low_bucket,
            saved_day = excluded.saved_day;
END;
$$;

CREATE FUNCTION account_coverage_on_account() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM account_coverage_refresh(NEW.id);
    RETURN NULL;
END;
$$;

CREATE FUNCTION account_coverage_on_set() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM account_coverage_refresh(OLD.account_id);
    ELSE
        PERFORM account_coverage_refresh(NEW.account_id);
    END IF;
    RETURN NULL;
END;
$$;

-- An account deleted outright (not removed): its members lose its part before the cascade takes its rows.
CREATE FUNCTION account_coverage_on_account_delete() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    recorded account_coverage;
    member   uuid;
BEGIN
    SELECT * INTO recorded FROM account_coverage c WHERE c.account_id = OLD.id;
    FOR member IN SELECT x.user_id FROM account_access x WHERE x.account_id = OLD.id LOOP
        PERFORM member_coverage_apply(member, recorded, -1);
    END LOOP;
    DELETE FROM account_coverage c WHERE c.account_id = OLD.id;
    RETURN OLD;
END;
$$;

CREATE FUNCTION account_coverage_on_access() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    recorded account_coverage;
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        SELECT * INTO recorded FROM account_coverage c WHERE c.account_id = OLD.account_id;
        PERFORM member_coverage_apply(OLD.user_id, recorded, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        SELECT * INTO recorded FROM account_coverage c WHERE c.account_id = NEW.account_id;
        PERFORM member_coverage_apply(NEW.user_id, recorded, 1);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER account_coverage_account
    AFTER INSERT OR UPDATE OF removed_at, mfa_state ON account
    FOR EACH ROW EXECUTE FUNCTION account_coverage_on_account();

CREATE TRIGGER account_coverage_account_delete
    BEFORE DELETE ON account
    FOR EACH ROW EXECUTE FUNCTION account_coverage_on_account_delete();

CREATE TRIGGER account_coverage_set
    AFTER INSERT OR UPDATE OR DELETE ON backup_code_set
    FOR EACH ROW EXECUTE FUNCTION account_coverage_on_set();

CREATE TRIGGER account_coverage_access
    AFTER INSERT OR DELETE OR UPDATE OF account_id, user_id ON account_access
    FOR EACH ROW EXECUTE FUNCTION account_coverage_on_access();

-- The accounts there already.
SELECT account_coverage_refresh(a.id) FROM account a;
/* [jooq ignore stop] */
