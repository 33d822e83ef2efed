package dev.breakglass.security;

import static dev.breakglass.db.Tables.APP_USER;
import static dev.breakglass.db.Tables.WORKSPACE_MEMBER;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads a member by e-mail address, with the workspace they belong to. In a workspace where single sign-on is the
 * only way in, the password (and a passkey) of everyone but the break-glass admin is not usable.
 */
@Service
class MemberDetailsService implements UserDetailsService {

    private final DSLContext db;
    private final InstallationOperators operators;
    private final SsoPolicy ssoPolicy;

    MemberDetailsService(DSLContext db, InstallationOperators operators, SsoPolicy ssoPolicy) {
        this.db = db;
        this.operators = operators;
        this.ssoPolicy = ssoPolicy;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        var row = db.select(
                        APP_USER.ID,
                        APP_USER.EMAIL,
                        APP_USER.DISPLAY_NAME,
                        APP_USER.PASSWORD_HASH,
                        APP_USER.ENABLED,
                        WORKSPACE_MEMBER.WORKSPACE_ID,
                        WORKSPACE_MEMBER.ROLE)
                .from(APP_USER)
                .join(WORKSPACE_MEMBER)
                .on(WORKSPACE_MEMBER.USER_ID.eq(APP_USER.ID))
                .where(APP_USER.EMAIL.eq(email.trim().toLowerCase(Locale.ROOT)))
                .and(WORKSPACE_MEMBER.STATUS.eq("ACTIVE"))
                .orderBy(WORKSPACE_MEMBER.JOINED_AT)
                .limit(1)
                .fetchOne();
        if (row == null) {
            throw new UsernameNotFoundException("No active member with that e-mail address");
        }
        var user = new SignedInUser(
                row.value1(), row.value6(), row.value2(), row.value3(), WorkspaceRole.valueOf(row.value7()));
        boolean canLogIn = row.value5() && row.value4() != null && !ssoPolicy.passwordRefused(user);
        return new BreakglassUserDetails(
                user, row.value4() == null ? "" : row.value4(), canLogIn, operators.includes(user, user.role()));
    }

    /** An active member of one workspace, as single sign-on found them; empty when not active. */
    Optional<BreakglassUserDetails> loadMember(UUID userId, UUID workspaceId) {
        var row = db.select(APP_USER.EMAIL, APP_USER.DISPLAY_NAME, WORKSPACE_MEMBER.ROLE)
                .from(APP_USER)
                .join(WORKSPACE_MEMBER)
                .on(WORKSPACE_MEMBER.USER_ID.eq(APP_USER.ID))
                .where(APP_USER.ID.eq(userId))
                .and(WORKSPACE_MEMBER.WORKSPACE_ID.eq(workspaceId))
                .and(WORKSPACE_MEMBER.STATUS.eq("ACTIVE"))
                .and(APP_USER.ENABLED)
                .fetchOne();
        if (row == null) {
            return Optional.empty();
        }
        var user =
                new SignedInUser(userId, workspaceId, row.value1(), row.value2(), WorkspaceRole.valueOf(row.value3()));
        return Optional.of(new BreakglassUserDetails(user, "", true, operators.includes(user, user.role())));
    }
}
