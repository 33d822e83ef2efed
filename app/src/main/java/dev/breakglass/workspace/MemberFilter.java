package dev.breakglass.workspace;

import dev.breakglass.security.WorkspaceRole;

/**
 * Which members the Members page lists.
 *
 * @param search matches name or e-mail address; blank for everyone
 * @param role only members with this role; null for any
 * @param status only members with this status; null for any
 */
public record MemberFilter(String search, WorkspaceRole role, MemberStatus status) {

    /** Everyone whose name or e-mail address contains {@code search}. */
    public static MemberFilter matching(String search) {
        return new MemberFilter(search, null, null);
    }
}
