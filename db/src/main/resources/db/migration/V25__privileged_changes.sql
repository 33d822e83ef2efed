-- Privileged changes are break-glass events (issue #12, item 2).
--
-- A member who was an account's Owner and was demoted to Collaborator (by a reassignment, a role change or another
-- Owner) keeps reading the account's Activity, so that they can see what happened after they lost ownership.
ALTER TABLE account_access ADD COLUMN formerly_owner boolean NOT NULL DEFAULT false;

-- When an admin's set-password link replaced a password the member already had, their codes stay hidden for a
-- while (breakglass.reveal.hold-after-reset): until they confirm with a second factor they had before the reset,
-- or until the time has passed. Empty when no hold applies.
ALTER TABLE app_user ADD COLUMN reveal_hold_since timestamp with time zone;
