package dev.breakglass.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The workspace-wide capabilities that pages and method security name, each granted by one {@link WorkspaceRole}
 * predicate. A signed-in member holds the Spring Security role {@code ROLE_<capability>} for each capability their
 * role had at sign-in, so a view says {@code @RolesAllowed(Capability.MANAGE_MEMBERS)} instead of listing roles.
 */
public final class Capability {

    public static final String MANAGE_MEMBERS = "MANAGE_MEMBERS";
    public static final String READ_AUDIT_LOG = "READ_AUDIT_LOG";
    public static final String SEE_PLUGINS = "SEE_PLUGINS";
    public static final String REACH_ALL_ACCOUNTS = "REACH_ALL_ACCOUNTS";
    public static final String ADMINISTER_ENCRYPTION = "ADMINISTER_ENCRYPTION";

    private static final Map<String, Predicate<WorkspaceRole>> GRANTED_BY = new LinkedHashMap<>();

    static {
        GRANTED_BY.put(MANAGE_MEMBERS, WorkspaceRole::mayManageMembers);
        GRANTED_BY.put(READ_AUDIT_LOG, WorkspaceRole::mayReadAuditLog);
        GRANTED_BY.put(SEE_PLUGINS, WorkspaceRole::maySeePlugins);
        GRANTED_BY.put(REACH_ALL_ACCOUNTS, WorkspaceRole::mayReachAllAccounts);
    }

    private Capability() {}

    /**
     * The capabilities a member with this role holds. {@link #ADMINISTER_ENCRYPTION} is not a workspace role's: the
     * key is shared by every workspace, so installation operators ({@link InstallationOperators}) hold it.
     */
    public static List<String> of(WorkspaceRole role, boolean installationOperator) {
        List<String> capabilities = new ArrayList<>();
        GRANTED_BY.forEach((capability, grantedBy) -> {
            if (grantedBy.test(role)) {
                capabilities.add(capability);
            }
        });
        if (installationOperator) {
            capabilities.add(ADMINISTER_ENCRYPTION);
        }
        return List.copyOf(capabilities);
    }
}
