package dev.breakglass.account;

import dev.breakglass.security.WorkspaceRole;
import java.util.UUID;

/** An active member of the workspace who could be given access to an account. */
public record Person(UUID userId, String displayName, String email, WorkspaceRole workspaceRole) {

    /** Guests and Login-only users can only be Collaborators. */
    public boolean mayOwn() {
        return workspaceRole.mayOwnAccounts();
    }

    /** What a picker shows. */
    public String caption() {
        return displayName + " <" + email + ">";
    }
}
