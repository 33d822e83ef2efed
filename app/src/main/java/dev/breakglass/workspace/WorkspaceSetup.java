package dev.breakglass.workspace;

import dev.breakglass.password.PasswordService;
import dev.breakglass.security.NotFoundException;
import dev.breakglass.security.WorkspaceRole;
import dev.breakglass.workspace.InvalidWorkspaceException.Field;
import dev.breakglass.workspace.WorkspaceCreated.Origin;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only door to a new workspace: validates, then creates the workspace, its Owner (active, no password yet)
 * and the Owner's one-time set-password link in one transaction, and publishes {@link WorkspaceCreated}. Its
 * callers prove their right themselves: the command line runs on the server, the first-run page holds the
 * setup token from the server log.
 */
@Service
public class WorkspaceSetup {

    static final int MAX_NAME = 200;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final WorkspaceRepository workspaces;
    private final MemberRepository members;
    private final PasswordService passwords;
    private final ApplicationEventPublisher events;

    WorkspaceSetup(
            WorkspaceRepository workspaces,
            MemberRepository members,
            PasswordService passwords,
            ApplicationEventPublisher events) {
        this.workspaces = workspaces;
        this.members = members;
        this.passwords = passwords;
        this.events = events;
    }

    /**
     * Creates a workspace and its Owner, for the command line: the system is the actor.
     *
     * @throws InvalidWorkspaceException when the name, e-mail address or Owner's name cannot be used; nothing is saved
     * @throws MemberAlreadyExistsException when the address already has a login; nothing is saved
     */
    @PreAuthorize("permitAll()")
    @Transactional
    public NewWorkspace createWorkspace(String name, String ownerEmail, String ownerName) {
        return create(name, ownerEmail, ownerName, Origin.COMMAND_LINE);
    }

    /**
     * Whether no workspace exists yet: only then does the first-run page exist.
     */
    @PreAuthorize("permitAll()")
    public boolean noWorkspaceYet() {
        return !workspaces.anyExists();
    }

    /** The first-run page's way in: refused (as not found) once any workspace exists. */
    NewWorkspace createFirstWorkspace(String name, String ownerEmail, String ownerName) {
        return create(name, ownerEmail, ownerName, Origin.FIRST_RUN_PAGE);
    }

    private NewWorkspace create(String name, String ownerEmail, String ownerName, Origin origin) {
        String workspaceName = name == null ? "" : name.strip();
        String email = ownerEmail == null ? "" : ownerEmail.strip().toLowerCase(Locale.ROOT);
        String displayName = ownerName == null ? "" : ownerName.strip();
        if (workspaceName.isEmpty() || workspaceName.length() > MAX_NAME) {
            throw new InvalidWorkspaceException(
                    Field.NAME, "Enter the workspace's name, up to " + MAX_NAME + " characters.");
        }
        if (!EMAIL.matcher(email).matches() || email.length() > 320) {
            throw new InvalidWorkspaceException(Field.OWNER_EMAIL, "Enter an e-mail address such as name@example.com.");
        }
        if (displayName.isEmpty() || displayName.length() > MAX_NAME) {
            throw new InvalidWorkspaceException(
                    Field.OWNER_NAME, "Enter the Owner's name, up to " + MAX_NAME + " characters.");
        }
        workspaces.lockCreation();
        if (origin == Origin.FIRST_RUN_PAGE && workspaces.anyExists()) {
            throw new NotFoundException("The first-run page");
        }
        UUID userId = members.findLogin(email)
                .map(existing -> {
                    if (existing.memberSomewhere()) {
                        throw new MemberAlreadyExistsException();
                    }
                    members.resetLogin(existing.userId(), displayName);
                    return existing.userId();
                })
                .orElseGet(() -> {
                    UUID id = UUID.randomUUID();
                    members.insertLogin(id, email, displayName);
                    return id;
                });
        UUID workspaceId = UUID.randomUUID();
        workspaces.insert(workspaceId, workspaceName);
        members.insertMember(workspaceId, userId, WorkspaceRole.OWNER);
        events.publishEvent(new WorkspaceCreated(
                workspaceId, origin == Origin.COMMAND_LINE ? null : userId, userId, workspaceName, origin));
        return new NewWorkspace(
                workspaceId, workspaceName, userId, email, passwords.issueSystemSetPasswordLink(workspaceId, userId));
    }
}
