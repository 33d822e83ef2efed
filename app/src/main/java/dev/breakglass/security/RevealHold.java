package dev.breakglass.security;

import static dev.breakglass.db.Tables.APP_USER;
import static dev.breakglass.db.Tables.AUTHENTICATOR_APP;
import static dev.breakglass.db.Tables.USER_CREDENTIALS;
import static dev.breakglass.db.Tables.USER_ENTITIES;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Codes stay hidden for a while from a member whose password an admin's set-password link replaced: whoever chose
 * the new password may not be the member. The hold ends when the member confirms who they are with a second factor
 * they had before the reset (which the admin cannot have), or when {@code breakglass.reveal.hold-after-reset} has
 * passed since the reset. Meanwhile the member and the co-Owners of their accounts are told (see the notifications).
 */
@Component
public class RevealHold {

    private final DSLContext db;
    private final Clock clock;
    private final Duration holdFor;

    RevealHold(DSLContext db, Clock clock, @Value("${breakglass.reveal.hold-after-reset:24h}") Duration holdFor) {
        this.db = db;
        this.clock = clock;
        this.holdFor = holdFor;
    }

    /** How long codes stay hidden after an admin reset the password. */
    public Duration holdFor() {
        return holdFor;
    }

    /** Starts a hold for the member: an admin's link has just replaced their password. */
    public void start(UUID userId) {
        db.update(APP_USER)
                .set(APP_USER.REVEAL_HOLD_SINCE, OffsetDateTime.now(clock))
                .where(APP_USER.ID.eq(userId))
                .execute();
    }

    /** @throws RevealHeldException while the member's codes are held after a password reset by an admin */
    public void requireNone(UUID userId) {
        OffsetDateTime since = db.select(APP_USER.REVEAL_HOLD_SINCE)
                .from(APP_USER)
                .where(APP_USER.ID.eq(userId))
                .fetchOne(APP_USER.REVEAL_HOLD_SINCE);
        if (since != null && since.plus(holdFor).isAfter(OffsetDateTime.now(clock))) {
            throw new RevealHeldException(since.plus(holdFor));
        }
    }

    /** The member confirmed with an authenticator app: that ends a hold which started after the app was set up. */
    void confirmedWithAuthenticatorApp(UUID workspaceId, UUID userId) {
        db.update(APP_USER)
                .setNull(APP_USER.REVEAL_HOLD_SINCE)
                .where(APP_USER.ID.eq(userId))
                .andExists(db.selectOne()
                        .from(AUTHENTICATOR_APP)
                        .where(AUTHENTICATOR_APP.WORKSPACE_ID.eq(workspaceId))
                        .and(AUTHENTICATOR_APP.USER_ID.eq(userId))
                        .and(AUTHENTICATOR_APP.CONFIRMED_AT.lt(APP_USER.REVEAL_HOLD_SINCE)))
                .execute();
    }

    /** The member confirmed with this passkey: that ends a hold which started after the passkey was added. */
    void confirmedWithPasskey(UUID userId, String credentialId) {
        db.update(APP_USER)
                .setNull(APP_USER.REVEAL_HOLD_SINCE)
                .where(APP_USER.ID.eq(userId))
                .andExists(db.selectOne()
                        .from(USER_CREDENTIALS)
                        .join(USER_ENTITIES)
                        .on(USER_ENTITIES.ID.eq(USER_CREDENTIALS.USER_ENTITY_USER_ID))
                        .where(USER_CREDENTIALS.CREDENTIAL_ID.eq(credentialId))
                        .and(USER_ENTITIES.USER_ID.eq(userId))
                        .and(USER_CREDENTIALS.CREATED.lt(APP_USER.REVEAL_HOLD_SINCE)))
                .execute();
    }
}
