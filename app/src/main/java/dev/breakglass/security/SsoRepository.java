package dev.breakglass.security;

import static dev.breakglass.db.Tables.APP_USER;
import static dev.breakglass.db.Tables.SSO_IDENTITY;
import static dev.breakglass.db.Tables.WORKSPACE;
import static dev.breakglass.db.Tables.WORKSPACE_MEMBER;
import static dev.breakglass.db.Tables.WORKSPACE_SSO;

import dev.breakglass.db.tables.records.WorkspaceSsoRecord;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** The providers the workspaces' Owners set, and the provider subjects linked to members. */
@Repository
class SsoRepository {

    private final DSLContext db;

    SsoRepository(DSLContext db) {
        this.db = db;
    }

    Optional<SsoConfig> find(UUID workspaceId) {
        return db.selectFrom(WORKSPACE_SSO)
                .where(WORKSPACE_SSO.WORKSPACE_ID.eq(workspaceId))
                .fetchOptional()
                .map(SsoRepository::config);
    }

    List<SsoConfig> all() {
        return db.selectFrom(WORKSPACE_SSO)
                .orderBy(WORKSPACE_SSO.DISPLAY_NAME, WORKSPACE_SSO.WORKSPACE_ID)
                .fetch(SsoRepository::config);
    }

    void save(SsoConfig config) {
        db.insertInto(WORKSPACE_SSO)
                .set(WORKSPACE_SSO.WORKSPACE_ID, config.workspaceId())
                .set(WORKSPACE_SSO.DISPLAY_NAME, config.displayName())
                .set(WORKSPACE_SSO.ISSUER, config.issuer())
                .set(WORKSPACE_SSO.CLIENT_ID, config.clientId())
                .set(WORKSPACE_SSO.SECRET_ID, config.secretId())
                .set(WORKSPACE_SSO.CLIENT_SECRET_CIPHERTEXT, config.secretCiphertext())
                .set(WORKSPACE_SSO.ALLOWED_DOMAINS, String.join(",", config.allowedDomains()))
                .set(WORKSPACE_SSO.JUST_IN_TIME, config.justInTime())
                .set(WORKSPACE_SSO.SSO_ONLY, config.ssoOnly())
                .set(WORKSPACE_SSO.BREAK_GLASS_ADMIN_ID, config.breakGlassAdminId())
                .onConflict(WORKSPACE_SSO.WORKSPACE_ID)
                .doUpdate()
                .set(WORKSPACE_SSO.DISPLAY_NAME, config.displayName())
                .set(WORKSPACE_SSO.ISSUER, config.issuer())
                .set(WORKSPACE_SSO.CLIENT_ID, config.clientId())
                .set(WORKSPACE_SSO.SECRET_ID, config.secretId())
                .set(WORKSPACE_SSO.CLIENT_SECRET_CIPHERTEXT, config.secretCiphertext())
                .set(WORKSPACE_SSO.ALLOWED_DOMAINS, String.join(",", config.allowedDomains()))
                .set(WORKSPACE_SSO.JUST_IN_TIME, config.justInTime())
                .set(WORKSPACE_SSO.SSO_ONLY, config.ssoOnly())
                .set(WORKSPACE_SSO.BREAK_GLASS_ADMIN_ID, config.breakGlassAdminId())
                .set(WORKSPACE_SSO.UPDATED_AT, OffsetDateTime.now())
                .execute();
    }

    boolean delete(UUID workspaceId) {
        return db.deleteFrom(WORKSPACE_SSO)
                        .where(WORKSPACE_SSO.WORKSPACE_ID.eq(workspaceId))
                        .execute()
                > 0;
    }

    /** The member linked to the provider's subject, active or not. */
    Optional<UUID> linkedMember(UUID workspaceId, String issuer, String subject) {
        return db.select(SSO_IDENTITY.USER_ID)
                .from(SSO_IDENTITY)
                .where(SSO_IDENTITY.WORKSPACE_ID.eq(workspaceId))
                .and(SSO_IDENTITY.ISSUER.eq(issuer))
                .and(SSO_IDENTITY.SUBJECT.eq(subject))
                .fetchOptional(SSO_IDENTITY.USER_ID);
    }

    /** Whether the member is already linked to some subject of this provider. */
    boolean isLinked(UUID workspaceId, String issuer, UUID userId) {
        return db.fetchExists(
                SSO_IDENTITY,
                SSO_IDENTITY
                        .WORKSPACE_ID
                        .eq(workspaceId)
                        .and(SSO_IDENTITY.ISSUER.eq(issuer))
                        .and(SSO_IDENTITY.USER_ID.eq(userId)));
    }

    void link(UUID workspaceId, String issuer, String subject, UUID userId) {
        db.insertInto(SSO_IDENTITY)
                .set(SSO_IDENTITY.WORKSPACE_ID, workspaceId)
                .set(SSO_IDENTITY.ISSUER, issuer)
                .set(SSO_IDENTITY.SUBJECT, subject)
                .set(SSO_IDENTITY.USER_ID, userId)
                .execute();
    }

    /** A member of the workspace (active or not) with this e-mail address. */
    Optional<UUID> memberByEmail(UUID workspaceId, String email) {
        return db.select(APP_USER.ID)
                .from(APP_USER)
                .join(WORKSPACE_MEMBER)
                .on(WORKSPACE_MEMBER.USER_ID.eq(APP_USER.ID))
                .where(WORKSPACE_MEMBER.WORKSPACE_ID.eq(workspaceId))
                .and(APP_USER.EMAIL.eq(email.toLowerCase(Locale.ROOT)))
                .fetchOptional(APP_USER.ID);
    }

    /** An active member of the workspace with this e-mail address: one who can sign in. */
    Optional<UUID> activeMemberByEmail(UUID workspaceId, String email) {
        return db.select(APP_USER.ID)
                .from(APP_USER)
                .join(WORKSPACE_MEMBER)
                .on(WORKSPACE_MEMBER.USER_ID.eq(APP_USER.ID))
                .where(WORKSPACE_MEMBER.WORKSPACE_ID.eq(workspaceId))
                .and(WORKSPACE_MEMBER.STATUS.eq("ACTIVE"))
                .and(APP_USER.EMAIL.eq(email.toLowerCase(Locale.ROOT)))
                .fetchOptional(APP_USER.ID);
    }

    /** The person with this e-mail address in any workspace, so that joining adds a membership, not a person. */
    Optional<UUID> personByEmail(String email) {
        return db.select(APP_USER.ID)
                .from(APP_USER)
                .where(APP_USER.EMAIL.eq(email.toLowerCase(Locale.ROOT)))
                .fetchOptional(APP_USER.ID);
    }

    /** A new person without a password: they sign in with the provider. */
    void addPerson(UUID userId, String email, String displayName) {
        db.insertInto(APP_USER)
                .set(APP_USER.ID, userId)
                .set(APP_USER.EMAIL, email.toLowerCase(Locale.ROOT))
                .set(APP_USER.DISPLAY_NAME, displayName)
                .execute();
    }

    void addMembership(UUID workspaceId, UUID userId, WorkspaceRole role) {
        db.insertInto(WORKSPACE_MEMBER)
                .set(WORKSPACE_MEMBER.WORKSPACE_ID, workspaceId)
                .set(WORKSPACE_MEMBER.USER_ID, userId)
                .set(WORKSPACE_MEMBER.ROLE, role.name())
                .execute();
    }

    /** The active members, for the choice of a break-glass admin: id, name and e-mail address. */
    List<SsoMember> activeMembers(UUID workspaceId) {
        return db.select(APP_USER.ID, APP_USER.DISPLAY_NAME, APP_USER.EMAIL)
                .from(APP_USER)
                .join(WORKSPACE_MEMBER)
                .on(WORKSPACE_MEMBER.USER_ID.eq(APP_USER.ID))
                .where(WORKSPACE_MEMBER.WORKSPACE_ID.eq(workspaceId))
                .and(WORKSPACE_MEMBER.STATUS.eq("ACTIVE"))
                .orderBy(APP_USER.DISPLAY_NAME, APP_USER.ID)
                .fetch(row -> new SsoMember(row.value1(), row.value2(), row.value3()));
    }

    /** The workspace the server's settings are for: the named one, or the oldest. */
    Optional<UUID> workspaceForSettings(String name) {
        return db.select(WORKSPACE.ID)
                .from(WORKSPACE)
                .where(name.isEmpty() ? org.jooq.impl.DSL.trueCondition() : WORKSPACE.NAME.eq(name))
                .orderBy(WORKSPACE.CREATED_AT, WORKSPACE.ID)
                .limit(1)
                .fetchOptional(WORKSPACE.ID);
    }

    private static SsoConfig config(WorkspaceSsoRecord row) {
        return new SsoConfig(
                row.getWorkspaceId(),
                row.getDisplayName(),
                row.getIssuer(),
                row.getClientId(),
                row.getSecretId(),
                row.getClientSecretCiphertext(),
                SsoConfig.parseDomains(row.getAllowedDomains()),
                row.getJustInTime(),
                row.getSsoOnly(),
                row.getBreakGlassAdminId(),
                false);
    }
}
