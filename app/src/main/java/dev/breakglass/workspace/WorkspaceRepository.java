package dev.breakglass.workspace;

import static dev.breakglass.db.Tables.WORKSPACE;

import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Workspaces themselves: whether any exists, and a new one. */
@Repository
class WorkspaceRepository {

    /** Any number will do, as long as nothing else in the database takes this advisory lock. */
    private static final long CREATION_LOCK = 0x6272_6b67_6c73_7701L;

    private final DSLContext db;

    WorkspaceRepository(DSLContext db) {
        this.db = db;
    }

    boolean anyExists() {
        return db.fetchExists(WORKSPACE);
    }

    /**
     * Lets one workspace creation at a time through, until its transaction ends, so that "is this the first
     * workspace?" and the insert after it cannot interleave with another creation, even from another process.
     */
    void lockCreation() {
        db.execute("select pg_advisory_xact_lock(?)", CREATION_LOCK);
    }

    void insert(UUID id, String name) {
        db.insertInto(WORKSPACE).set(WORKSPACE.ID, id).set(WORKSPACE.NAME, name).execute();
    }
}
