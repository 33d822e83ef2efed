-- A set-password link the system issues (the first Owner's, from create-workspace or the first-run page) has
-- no member who created it: created_by stays empty for those.
ALTER TABLE set_password_token ALTER COLUMN created_by DROP NOT NULL;
