-- Scheduled jobs run once across instances: before a run, an instance takes the job's row here until lock_until
-- (ShedLock's JDBC provider, with the database's clock); the others skip that run. A dead instance's lock lapses
-- at lock_until, so the job runs again at its next time. No workspace_id: the jobs serve every workspace.
CREATE TABLE shedlock (
    name       varchar(64)  NOT NULL,
    lock_until timestamp    NOT NULL,
    locked_at  timestamp    NOT NULL,
    locked_by  varchar(255) NOT NULL,
    CONSTRAINT shedlock_pk PRIMARY KEY (name)
);
