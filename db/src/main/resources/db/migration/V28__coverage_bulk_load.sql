-- A bulk load (the demo generator's thousands of accounts in one transaction) made the row triggers of V22 update
-- the same few member_coverage rows hundreds of thousands of times. Such a load may now say, for its transaction,
-- SET LOCAL breakglass.coverage = 'deferred': the triggers then do not fire (their WHEN), and before committing it
-- calls member_coverage_rebuild(workspace), which makes that workspace's counts from scratch in two statements.
-- Every other change keeps the counts up to date row by row as before. The counts are no security boundary: a role
-- that skipped them would only make the Accounts overview wrong for itself.

/* [jooq ignore start] */
DROP TRIGGER account_coverage_account ON account;
CREATE TRIGGER account_coverage_account
    AFTER INSERT OR UPDATE OF removed_at, mfa_state ON account
    FOR EACH ROW WHEN (current_setting('breakglass.coverage', true) IS DISTINCT FROM 'deferred')
    EXECUTE FUNCTION account_coverage_on_account();

DROP TRIGGER account_coverage_account_delete ON account;
CREATE TRIGGER account_coverage_account_delete
    BEFORE DELETE ON account
    FOR EACH ROW WHEN (current_setting('breakglass.coverage', true) IS DISTINCT FROM 'deferred')
    EXECUTE FUNCTION account_coverage_on_account_delete();

DROP TRIGGER account_coverage_set ON backup_code_set;
CREATE TRIGGER account_coverage_set
    AFTER INSERT OR UPDATE OR DELETE ON backup_code_set
    FOR EACH ROW WHEN (current_setting('breakglass.coverage', true) IS DISTINCT FROM 'deferred')
    EXECUTE FUNCTION account_coverage_on_set();

DROP TRIGGER account_coverage_access ON account_access;
CREATE TRIGGER account_coverage_access
    AFTER INSERT OR DELETE OR UPDATE OF account_id, user_id ON account_access
    FOR EACH ROW WHEN (current_setting('breakglass.coverage', true) IS DISTINCT FROM 'deferred')
    EXECUTE FUNCTION account_coverage_on_access();

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
