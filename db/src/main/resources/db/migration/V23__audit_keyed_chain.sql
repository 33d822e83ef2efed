-- The keyed audit chain (issue 12). Each event's HMAC, computed by the application with a key kept outside the
-- database (docs/deployment.md), over the event's hash and chained to the previous event's HMAC: whoever can rewrite
-- the table and rebuild the unkeyed hash chain still cannot make these match. Events written before this migration
-- have no row here; the keyed chain of a workspace starts at its first event that has one, and that event's HMAC
-- covers its hash, which covers every earlier event through the unkeyed chain. Append only, like audit_event; the
-- application's runtime role may only INSERT and SELECT here.
CREATE TABLE audit_event_mac (
    workspace_id uuid  NOT NULL,
    seq          bigint NOT NULL,
    mac          bytea NOT NULL,
    CONSTRAINT audit_event_mac_pk PRIMARY KEY (workspace_id, seq),
    CONSTRAINT audit_event_mac_workspace_fk FOREIGN KEY (workspace_id) REFERENCES workspace (id)
);

/* [jooq ignore start] */
CREATE TRIGGER audit_event_mac_append_only
    BEFORE UPDATE OR DELETE ON audit_event_mac
    FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();

CREATE TRIGGER audit_event_mac_no_truncate
    BEFORE TRUNCATE ON audit_event_mac
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();
/* [jooq ignore stop] */
