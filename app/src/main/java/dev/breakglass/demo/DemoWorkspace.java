package dev.breakglass.demo;

import static dev.breakglass.db.Tables.WORKSPACE;

import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Whether a workspace is the demo one, whose members' password is published, so that pages can say so. */
@Component
public class DemoWorkspace {

    private final DSLContext db;

    DemoWorkspace(DSLContext db) {
        this.db = db;
    }

    public boolean isDemo(UUID workspaceId) {
        return db.fetchExists(WORKSPACE, WORKSPACE.ID.eq(workspaceId).and(WORKSPACE.DEMO.isTrue()));
    }
}
