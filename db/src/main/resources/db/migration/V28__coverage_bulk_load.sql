-- A bulk load (the demo generator's thousands of accounts in one transaction) made the row triggers of V22 update
-- the same few member_coverage rows hundreds of thousands of times. Such a load may now say, for its transaction,
-- SET LOCAL breakglass.coverage = 'deferred': the triggers then leave the counts alone, and before committing it
-- calls member_coverage_rebuild(workspace), which makes that workspace's counts from scratch in two statements.
-- Every other change keeps the counts up to date row by row as before. The counts are no security boundary: a role
-- that skipped them would only make the Accounts overview wrong for itself.

/* [jooq ignore start] */
CREATE OR REPLACE FUNCTION member_coverage_apply(member uuid, c account_coverage, sign integer) RETURNS void
    LANGUAGE plpgsql AS
$$
BEGIN
    IF c.account_id IS NULL OR NOT c.live OR current_setting('breakglass.coverage', true) = 'deferred' THEN
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

CREATE OR REPLACE FUNCTION account_coverage_refresh(account uuid) RETURNS void
    LANGUAGE plpgsql AS
$$
DECLARE
    recorded account_coverage;
    now_is   account_coverage;
    member   uuid;
BEGIN
    IF current_setting('breakglass.coverage', true) = 'deferred' THEN
        RETURN;
    END IF;
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

-- The workspace's counts from scratch: each account's part, then their sums per member.
CREATE FUNCTION member_coverage_rebuild(ws uuid) RETURNS void
    LANGUAGE sql AS
$$
DELETE FROM member_coverage WHERE workspace_id = ws;
DELETE FROM account_coverage WHERE workspace_id = ws;
INSERT INTO account_coverage (account_id, workspace_id, live, mfa_on_no_codes, low_bucket, saved_day)
SELECT a.id, a.workspace_id, a.removed_at IS NULL, a.mfa_state = 'ON' AND s.id IS NULL,
       CASE WHEN s.unused_count < s.code_count THEN s.unused_count END,
       (s.saved_at AT TIME ZONE 'UTC')::date - date '1970-01-01'
  FROM account a
  LEFT JOIN backup_code_set s ON s.account_id = a.id AND s.state = 'ACTIVE'
 WHERE a.workspace_id = ws;
INSERT INTO member_coverage (workspace_id, user_id, kind, bucket, n)
SELECT c.workspace_id, x.user_id, k.kind, k.bucket, count(*)
  FROM account_coverage c
  JOIN account_access x ON x.account_id = c.account_id
 CROSS JOIN LATERAL (VALUES ('ALL', 0),
                            ('MFA_ON_NO_CODES', CASE WHEN c.mfa_on_no_codes THEN 0 END),
                            ('LOW', c.low_bucket),
                            ('SAVED', c.saved_day)) AS k(kind, bucket)
 WHERE c.workspace_id = ws AND c.live AND k.bucket IS NOT NULL
 GROUP BY c.workspace_id, x.user_id, k.kind, k.bucket;
$$;
/* [jooq ignore stop] */
