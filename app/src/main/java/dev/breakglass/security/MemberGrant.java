package dev.breakglass.security;

/**
 * Proof that the signed-in user is an active member of their workspace, with the role they hold now (read
 * from the database at the time of the check, not the one they signed in with).
 */
public record MemberGrant(SignedInUser user, WorkspaceRole role) {}
