package dev.breakglass.workspace;

import dev.breakglass.security.WorkspaceRole;
import java.util.UUID;

/**
 * One member as the Members page lists them.
 *
 * @param passwordSet whether they have chosen a password yet
 * @param manageable whether the signed-in admin may change, deactivate or remove them (the service checks again)
 */
public record Member(
        UUID userId,
        String displayName,
        String email,
        WorkspaceRole role,
        MemberStatus status,
        boolean passwordSet,
        boolean manageable) {

    public boolean active() {
        return status == MemberStatus.ACTIVE;
    }
}
