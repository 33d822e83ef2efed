package dev.breakglass.encryption;

import static dev.breakglass.db.Tables.AUTHENTICATOR_APP;
import static dev.breakglass.db.Tables.WORKSPACE_SSO;
import static org.jooq.impl.DSL.count;

import dev.breakglass.crypto.CipherContext;
import dev.breakglass.crypto.CipherVersion;
import dev.breakglass.encryption.CiphertextRepository.Wanted;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;

/**
 * The other secrets encrypted with the codes' cipher, as the maintenance jobs see them: members' authenticator-app
 * secrets and workspaces' single sign-on client secrets. One ciphertext per row, bound to its member and enrolment
 * or to its workspace and secret id ({@link CipherContext#forMemberFactor}, {@link CipherContext#forWorkspaceSso}).
 * A rewrap or cipher migration that left them behind would lock members out once the old key version is retired,
 * so the jobs move them with the codes. Ciphertexts never leave this feature.
 */
@Repository
class SignInSecretRepository {

    private final DSLContext db;

    SignInSecretRepository(DSLContext db) {
        this.db = db;
    }

    /** How many of the workspace's sign-in secrets sit on each cipher and key version. */
    Map<CipherVersion, Integer> countByCipherVersion(UUID workspaceId) {
        Map<CipherVersion, Integer> counts = new TreeMap<>();
        Field<String> appVersion = CiphertextRepository.cipherVersionOf(AUTHENTICATOR_APP.SECRET_CIPHERTEXT);
        db.select(appVersion, count())
                .from(AUTHENTICATOR_APP)
                .where(AUTHENTICATOR_APP.WORKSPACE_ID.eq(workspaceId))
                .groupBy(appVersion)
                .fetch()
                .forEach(row -> CipherVersion.of(row.value1())
                        .ifPresent(version -> counts.merge(version, row.value2(), Integer::sum)));
        Field<String> ssoVersion = CiphertextRepository.cipherVersionOf(WORKSPACE_SSO.CLIENT_SECRET_CIPHERTEXT);
        db.select(ssoVersion, count())
                .from(WORKSPACE_SSO)
                .where(WORKSPACE_SSO.WORKSPACE_ID.eq(workspaceId))
                .and(WORKSPACE_SSO.CLIENT_SECRET_CIPHERTEXT.isNotNull())
                .groupBy(ssoVersion)
                .fetch()
                .forEach(row -> CipherVersion.of(row.value1())
                        .ifPresent(version -> counts.merge(version, row.value2(), Integer::sum)));
        return counts;
    }

    /** Every sign-in secret, in every workspace, that is not as wanted. */
    List<SecretPlace> needingWork(Wanted wanted) {
        List<SecretPlace> places = new ArrayList<>();
        db.select(AUTHENTICATOR_APP.WORKSPACE_ID, AUTHENTICATOR_APP.USER_ID, AUTHENTICATOR_APP.ENROLMENT_ID)
                .from(AUTHENTICATOR_APP)
                .where(CiphertextRepository.onNoWantedPrefix(AUTHENTICATOR_APP.SECRET_CIPHERTEXT, wanted))
                .orderBy(AUTHENTICATOR_APP.WORKSPACE_ID, AUTHENTICATOR_APP.USER_ID)
                .forEach(row -> places.add(
                        new SecretPlace(row.value1(), row.value2(), row.value3(), CipherContext.Kind.MEMBER_FACTOR)));
        db.select(WORKSPACE_SSO.WORKSPACE_ID, WORKSPACE_SSO.SECRET_ID)
                .from(WORKSPACE_SSO)
                .where(WORKSPACE_SSO.CLIENT_SECRET_CIPHERTEXT.isNotNull())
                .and(CiphertextRepository.onNoWantedPrefix(WORKSPACE_SSO.CLIENT_SECRET_CIPHERTEXT, wanted))
                .orderBy(WORKSPACE_SSO.WORKSPACE_ID)
                .forEach(row -> places.add(
                        new SecretPlace(row.value1(), row.value1(), row.value2(), CipherContext.Kind.WORKSPACE_SSO)));
        return places;
    }

    int countNeedingWork(Wanted wanted) {
        return db.fetchCount(
                        AUTHENTICATOR_APP,
                        CiphertextRepository.onNoWantedPrefix(AUTHENTICATOR_APP.SECRET_CIPHERTEXT, wanted))
                + db.fetchCount(
                        WORKSPACE_SSO,
                        WORKSPACE_SSO.CLIENT_SECRET_CIPHERTEXT.isNotNull(),
                        CiphertextRepository.onNoWantedPrefix(WORKSPACE_SSO.CLIENT_SECRET_CIPHERTEXT, wanted));
    }

    /**
     * Locks the secret's row for this transaction and answers its ciphertext; empty when another transaction holds
     * it, or the secret is gone or was replaced under another enrolment or secret id meanwhile.
     */
    Optional<String> lock(SecretPlace place) {
        return switch (place.kind()) {
            case MEMBER_FACTOR ->
                db.select(AUTHENTICATOR_APP.SECRET_CIPHERTEXT)
                        .from(AUTHENTICATOR_APP)
                        .where(memberFactor(place))
                        .forUpdate()
                        .skipLocked()
                        .fetchOptional(AUTHENTICATOR_APP.SECRET_CIPHERTEXT);
            case WORKSPACE_SSO ->
                db.select(WORKSPACE_SSO.CLIENT_SECRET_CIPHERTEXT)
                        .from(WORKSPACE_SSO)
                        .where(workspaceSso(place))
                        .forUpdate()
                        .skipLocked()
                        .fetchOptional(WORKSPACE_SSO.CLIENT_SECRET_CIPHERTEXT);
            case ACCOUNT -> throw new IllegalArgumentException("A code set is not a sign-in secret.");
        };
    }

    /** Replaces the ciphertext only if it is still the one that was read; whether it was replaced. */
    boolean replace(SecretPlace place, String old, String replacement) {
        int rows = switch (place.kind()) {
            case MEMBER_FACTOR ->
                db.update(AUTHENTICATOR_APP)
                        .set(AUTHENTICATOR_APP.SECRET_CIPHERTEXT, replacement)
                        .where(memberFactor(place))
                        .and(AUTHENTICATOR_APP.SECRET_CIPHERTEXT.eq(old))
                        .execute();
            case WORKSPACE_SSO ->
                db.update(WORKSPACE_SSO)
                        .set(WORKSPACE_SSO.CLIENT_SECRET_CIPHERTEXT, replacement)
                        .where(workspaceSso(place))
                        .and(WORKSPACE_SSO.CLIENT_SECRET_CIPHERTEXT.eq(old))
                        .execute();
            case ACCOUNT -> throw new IllegalArgumentException("A code set is not a sign-in secret.");
        };
        return rows == 1;
    }

    private static Condition memberFactor(SecretPlace place) {
        return AUTHENTICATOR_APP
                .WORKSPACE_ID
                .eq(place.workspaceId())
                .and(AUTHENTICATOR_APP.USER_ID.eq(place.ownerId()))
                .and(AUTHENTICATOR_APP.ENROLMENT_ID.eq(place.secretId()));
    }

    private static Condition workspaceSso(SecretPlace place) {
        return WORKSPACE_SSO.WORKSPACE_ID.eq(place.workspaceId()).and(WORKSPACE_SSO.SECRET_ID.eq(place.secretId()));
    }

    /**
     * Where a sign-in secret lives, never its value.
     *
     * @param ownerId the member of an authenticator app, or the workspace of its single sign-on
     * @param secretId the app's enrolment id, or the single sign-on's secret id
     */
    record SecretPlace(UUID workspaceId, UUID ownerId, UUID secretId, CipherContext.Kind kind) {

        CipherContext context() {
            return kind == CipherContext.Kind.MEMBER_FACTOR
                    ? CipherContext.forMemberFactor(ownerId, secretId)
                    : CipherContext.forWorkspaceSso(workspaceId, secretId);
        }
    }
}
