package dev.breakglass.security;

import static dev.breakglass.db.Tables.APP_USER;
import static dev.breakglass.db.Tables.USER_CREDENTIALS;
import static dev.breakglass.db.Tables.USER_ENTITIES;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Reads and changes a person's passkeys in the tables Spring Security's JDBC repositories keep; every query is bound
 * to the person through {@code user_entities.user_id}.
 */
@Repository
class PasskeyRepository {

    /** A person's WebAuthn user entity, named by their e-mail address as it is now. */
    record UserEntityRow(String id, String name, String displayName) {}

    private final DSLContext db;

    PasskeyRepository(DSLContext db) {
        this.db = db;
    }

    List<Passkey> findByUser(UUID userId) {
        return db.select(
                        USER_CREDENTIALS.CREDENTIAL_ID,
                        USER_CREDENTIALS.LABEL,
                        USER_CREDENTIALS.CREATED,
                        USER_CREDENTIALS.LAST_USED)
                .from(USER_CREDENTIALS)
                .join(USER_ENTITIES)
                .on(USER_ENTITIES.ID.eq(USER_CREDENTIALS.USER_ENTITY_USER_ID))
                .where(USER_ENTITIES.USER_ID.eq(userId))
                .orderBy(USER_CREDENTIALS.CREATED, USER_CREDENTIALS.LABEL)
                .fetch(row -> new Passkey(
                        row.value1(), row.value2(), instant(row.value3()), usedAfter(row.value3(), row.value4())));
    }

    Optional<Passkey> find(UUID userId, String credentialId) {
        return findByUser(userId).stream()
                .filter(passkey -> passkey.id().equals(credentialId))
                .findFirst();
    }

    boolean exists(UUID userId) {
        return db.fetchExists(db.selectOne()
                .from(USER_CREDENTIALS)
                .join(USER_ENTITIES)
                .on(USER_ENTITIES.ID.eq(USER_CREDENTIALS.USER_ENTITY_USER_ID))
                .where(USER_ENTITIES.USER_ID.eq(userId)));
    }

    boolean nameTaken(UUID userId, String name, String exceptCredentialId) {
        return db.fetchExists(db.selectOne()
                .from(USER_CREDENTIALS)
                .join(USER_ENTITIES)
                .on(USER_ENTITIES.ID.eq(USER_CREDENTIALS.USER_ENTITY_USER_ID))
                .where(USER_ENTITIES.USER_ID.eq(userId))
                .and(DSL.lower(USER_CREDENTIALS.LABEL).eq(name.toLowerCase(Locale.ROOT)))
                .and(
                        exceptCredentialId == null
                                ? DSL.noCondition()
                                : USER_CREDENTIALS.CREDENTIAL_ID.ne(exceptCredentialId)));
    }

    boolean rename(UUID userId, String credentialId, String name) {
        return db.update(USER_CREDENTIALS)
                        .set(USER_CREDENTIALS.LABEL, name)
                        .where(USER_CREDENTIALS.CREDENTIAL_ID.eq(credentialId))
                        .and(USER_CREDENTIALS.USER_ENTITY_USER_ID.in(ownEntity(userId)))
                        .execute()
                == 1;
    }

    boolean delete(UUID userId, String credentialId) {
        return db.deleteFrom(USER_CREDENTIALS)
                        .where(USER_CREDENTIALS.CREDENTIAL_ID.eq(credentialId))
                        .and(USER_CREDENTIALS.USER_ENTITY_USER_ID.in(ownEntity(userId)))
                        .execute()
                == 1;
    }

    /** Removes every passkey of the person; answers how many. */
    int deleteAll(UUID userId) {
        return db.deleteFrom(USER_CREDENTIALS)
                .where(USER_CREDENTIALS.USER_ENTITY_USER_ID.in(ownEntity(userId)))
                .execute();
    }

    /** Whose WebAuthn user entity this is. */
    Optional<UUID> ownerOfUserEntity(String userEntityId) {
        return db.select(USER_ENTITIES.USER_ID)
                .from(USER_ENTITIES)
                .where(USER_ENTITIES.ID.eq(userEntityId))
                .fetchOptional(USER_ENTITIES.USER_ID);
    }

    /** The person's user entity: its id, their e-mail address as its name, and their display name. */
    Optional<UserEntityRow> userEntityByEmail(String email) {
        return db.select(USER_ENTITIES.ID, APP_USER.EMAIL, APP_USER.DISPLAY_NAME)
                .from(USER_ENTITIES)
                .join(APP_USER)
                .on(APP_USER.ID.eq(USER_ENTITIES.USER_ID))
                .where(APP_USER.EMAIL.eq(email.strip().toLowerCase(Locale.ROOT)))
                .fetchOptional(row -> new UserEntityRow(row.value1(), row.value2(), row.value3()));
    }

    /** Creates a person's user entity; the person is found by the e-mail address Spring Security names them by. */
    boolean insertUserEntity(String userEntityId, String email) {
        return db.insertInto(
                                USER_ENTITIES,
                                USER_ENTITIES.ID,
                                USER_ENTITIES.NAME,
                                USER_ENTITIES.DISPLAY_NAME,
                                USER_ENTITIES.USER_ID)
                        .select(db.select(DSL.val(userEntityId), APP_USER.EMAIL, APP_USER.DISPLAY_NAME, APP_USER.ID)
                                .from(APP_USER)
                                .where(APP_USER.EMAIL.eq(email.strip().toLowerCase(Locale.ROOT))))
                        .execute()
                == 1;
    }

    Optional<String> emailOf(UUID userId) {
        return db.select(APP_USER.EMAIL)
                .from(APP_USER)
                .where(APP_USER.ID.eq(userId))
                .fetchOptional(APP_USER.EMAIL);
    }

    private org.jooq.Select<org.jooq.Record1<String>> ownEntity(UUID userId) {
        return db.select(USER_ENTITIES.ID).from(USER_ENTITIES).where(USER_ENTITIES.USER_ID.eq(userId));
    }

    /** A new passkey is saved with "last used" equal to "created" ({@link PasskeyCredentials}): never used. */
    private static java.time.Instant usedAfter(OffsetDateTime created, OffsetDateTime lastUsed) {
        return lastUsed == null || (created != null && !lastUsed.isAfter(created)) ? null : lastUsed.toInstant();
    }

    private static java.time.Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
