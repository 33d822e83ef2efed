-- Accounts are added, edited and removed in the app; the card list searches and sorts them at any size.

-- app_name: the name of an app no plugin serves ("Other app"), shown instead of the app key.
-- updated_by: who saved the current version, to name them when someone else's edit collides with it.
-- removed_at: a removed account is kept for its history and audit trail, but no list or page shows it.
ALTER TABLE account ADD COLUMN app_name varchar(100);
ALTER TABLE account ADD COLUMN sign_in_url varchar(2000);
ALTER TABLE account ADD COLUMN notes varchar(4000);
ALTER TABLE account ADD COLUMN created_by uuid;
ALTER TABLE account ADD COLUMN updated_by uuid;
ALTER TABLE account ADD COLUMN removed_at timestamp with time zone;
ALTER TABLE account ADD COLUMN removed_by uuid;
ALTER TABLE account ADD CONSTRAINT account_created_by_fk FOREIGN KEY (created_by) REFERENCES app_user (id);
ALTER TABLE account ADD CONSTRAINT account_updated_by_fk FOREIGN KEY (updated_by) REFERENCES app_user (id);
ALTER TABLE account ADD CONSTRAINT account_removed_by_fk FOREIGN KEY (removed_by) REFERENCES app_user (id);

-- The unused codes of a set, kept by every statement that marks a code used or unused, so the card list and
-- its overview read one number per account instead of counting codes per account.
ALTER TABLE backup_code_set ADD COLUMN unused_count integer NOT NULL DEFAULT 0;
ALTER TABLE backup_code_set ADD CONSTRAINT backup_code_set_unused_ck CHECK (unused_count BETWEEN 0 AND code_count);

/* [jooq ignore start] */
UPDATE backup_code_set s SET unused_count = (
    SELECT count(*) FROM backup_code c WHERE c.set_id = s.id AND c.used_at IS NULL AND c.ciphertext IS NOT NULL);

-- A label names one live account of a workspace, whatever its case; a removed account frees its label.
-- The same index walks a member's cards in label order.
CREATE UNIQUE INDEX account_label_ux ON account (workspace_id, lower(label)) WHERE removed_at IS NULL;
/* [jooq ignore stop] */
DROP INDEX account_workspace_label_ix;
