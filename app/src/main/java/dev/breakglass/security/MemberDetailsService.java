package dev.breakglass.security;

import static dev.breakglass.db.Tables.APP_USER;
import static dev.breakglass.db.Tables.WORKSPACE_MEMBER;

import java.util.Locale;
import org.jooq.DSLContext;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads a member by e-mail address, with the workspace they belong to. */
@Service
class MemberDetailsService implements UserDetailsService {

    private final DSLContext db;
    private final InstallationOperators operators;

    MemberDetailsService(DSLContext db, InstallationOperators operators) {
        this.db = db;
        this.operators = operators;
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
        boolean canLogIn = row.value5() && row.value4() != null;
        return new BreakglassUserDetails(
                user, row.value4() == null ? "" : row.value4(), canLogIn, operators.includes(user, user.role()));
    }
}
