package dev.breakglass.security;

import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;

/**
 * Spring Security's JDBC user entities, tied to the person: an entity is created with the {@code user_id} of the
 * member it is for, and found by the member's e-mail address as it is now (so a changed address keeps the passkeys).
 */
class PasskeyUserEntities implements PublicKeyCredentialUserEntityRepository {

    private final JdbcPublicKeyCredentialUserEntityRepository jdbc;
    private final PasskeyRepository passkeys;

    PasskeyUserEntities(JdbcPublicKeyCredentialUserEntityRepository jdbc, PasskeyRepository passkeys) {
        this.jdbc = jdbc;
        this.passkeys = passkeys;
    }

    @Override
    public PublicKeyCredentialUserEntity findById(Bytes id) {
        return jdbc.findById(id);
    }

    @Override
    public PublicKeyCredentialUserEntity findByUsername(String username) {
        return passkeys.userEntityByEmail(username)
                .map(row -> ImmutablePublicKeyCredentialUserEntity.builder()
                        .id(Bytes.fromBase64(row.id()))
                        .name(row.name())
                        .displayName(row.displayName())
                        .build())
                .orElse(null);
    }

    @Override
    public void save(PublicKeyCredentialUserEntity userEntity) {
        if (jdbc.findById(userEntity.getId()) != null) {
            jdbc.save(userEntity);
        } else if (!passkeys.insertUserEntity(userEntity.getId().toBase64UrlString(), userEntity.getName())) {
            throw new IllegalStateException("A passkey can only be registered for a member of Breakglass.");
        }
    }

    @Override
    public void delete(Bytes id) {
        jdbc.delete(id);
    }
}
