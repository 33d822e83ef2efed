package dev.breakglass.security;

import static dev.breakglass.db.Tables.WORKSPACE;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who administers what every workspace of the installation shares: the encryption key and the jobs over every
 * stored code. Those are the members named in {@code breakglass.operators}; while nobody is named, the Owner and
 * Super Admins of the installation's first workspace (the team that installed it). Another workspace's Owner is never
 * one by their role alone: their role speaks for their workspace, not for the installation.
 */
@Component
public class InstallationOperators {

    private final DSLContext db;
    private final Set<String> named;

    public InstallationOperators(DSLContext db, @Value("${breakglass.operators:}") List<String> named) {
        this.db = db;
        this.named = named.stream()
                .map(email -> email.trim().toLowerCase(Locale.ROOT))
                .filter(email -> !email.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether this member, holding {@code role} in their workspace now, is an installation operator. */
    public boolean includes(SignedInUser user, WorkspaceRole role) {
        if (!named.isEmpty()) {
            return named.contains(user.email().toLowerCase(Locale.ROOT));
        }
        return role.mayAdministerEncryption() && user.workspaceId().equals(firstWorkspace());
    }

    /** Every workspace of the installation, for events that concern them all (a key rotation). */
    public List<UUID> allWorkspaces() {
        return db.select(WORKSPACE.ID)
                .from(WORKSPACE)
                .orderBy(WORKSPACE.CREATED_AT, WORKSPACE.ID)
                .fetch(WORKSPACE.ID);
    }

    private UUID firstWorkspace() {
        return db.select(WORKSPACE.ID)
                .from(WORKSPACE)
                .orderBy(WORKSPACE.CREATED_AT, WORKSPACE.ID)
                .limit(1)
                .fetchOne(WORKSPACE.ID);
    }
}
