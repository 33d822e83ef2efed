package dev.breakglass.security;

import java.util.List;

/**
 * A member's role in the workspace, from most to least powerful, and the workspace-wide rules that follow
 * from it. Every rule of the permission matrix that depends on the workspace role alone lives here, as a named
 * predicate; nothing else in the code lists roles to decide what someone may do.
 *
 * <p>Which role a check reads: services read the role the member holds <em>now</em> (through
 * {@link AccessPolicy}, from the database), so a demotion counts at once. Routes, the menu and method-security
 * annotations read the role held at sign-in (as {@link Capability} authorities); they only decide what to show,
 * and the service behind every page checks again.
 */
public enum WorkspaceRole {
    OWNER("Owner"),
    SUPER_ADMIN("Super Admin"),
    ADMIN("Admin"),
    USER("User"),
    GUEST("Guest"),
    LOGIN_ONLY("Login-only");

    private final String label;

    WorkspaceRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether an account Owner with this workspace role may keep backup codes (add, view, use, replace, delete). */
    public boolean mayKeepCodes() {
        return this == OWNER || this == SUPER_ADMIN || this == ADMIN || this == USER;
    }

    /** Guests and Login-only users can only be Collaborators of an account. */
    public boolean mayOwnAccounts() {
        return mayKeepCodes();
    }

    /** Opens the Members page: the workspace Owner, Super Admins and Admins. */
    public boolean mayManageMembers() {
        return this == OWNER || this == SUPER_ADMIN || this == ADMIN;
    }

    /** Imports accounts from a CSV file: the workspace Owner, Super Admins and Admins. */
    public boolean mayImportAccounts() {
        return this == OWNER || this == SUPER_ADMIN || this == ADMIN;
    }

    /** Lists every account of the workspace and reassigns their Owners: the workspace Owner and Super Admins. */
    public boolean mayReachAllAccounts() {
        return this == OWNER || this == SUPER_ADMIN;
    }

    /** Reads the workspace's audit log and exports it: the workspace Owner, Super Admins and Admins. */
    public boolean mayReadAuditLog() {
        return mayManageMembers();
    }

    /** Sees which format plugins are loaded, and their errors: the workspace Owner, Super Admins and Admins. */
    public boolean maySeePlugins() {
        return mayManageMembers();
    }

    /** Sees how codes are encrypted, rotates the key and starts a rewrap: the workspace Owner and Super Admins. */
    public boolean mayAdministerEncryption() {
        return this == OWNER || this == SUPER_ADMIN;
    }

    /** Decides who must sign in with a second factor: the workspace Owner and Super Admins. */
    public boolean mayRequireSecondFactor() {
        return this == OWNER || this == SUPER_ADMIN;
    }

    /** Hands the workspace to another member: the workspace Owner alone. */
    public boolean mayTransferOwnership() {
        return this == OWNER;
    }

    /**
     * Whether a member with this role may manage (change the role of, deactivate, reactivate, remove) a
     * member whose role is {@code target}. Nobody manages the Owner; Admins manage Users, Guests and
     * Login-only users only.
     */
    public boolean mayManage(WorkspaceRole target) {
        return assignableRoles().contains(target);
    }

    /**
     * Whether a member with this role may give someone the role {@code role}. Nobody raises anyone above
     * their own role, and the Owner's role moves only by a transfer of ownership.
     */
    public boolean mayAssign(WorkspaceRole role) {
        return assignableRoles().contains(role);
    }

    /** The roles this member may give, most powerful first. */
    public List<WorkspaceRole> assignableRoles() {
        return switch (this) {
            case OWNER, SUPER_ADMIN -> List.of(SUPER_ADMIN, ADMIN, USER, GUEST, LOGIN_ONLY);
            case ADMIN -> List.of(USER, GUEST, LOGIN_ONLY);
            case USER, GUEST, LOGIN_ONLY -> List.of();
        };
    }
}
