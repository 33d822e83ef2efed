package dev.breakglass.security;

import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Security's JDBC credentials, with Breakglass's rules around them: a new passkey is saved together with its
 * audit event, and only for the signed-in member; removing one goes through {@link PasskeyService}, which checks
 * ownership and the workspace's second-factor rule. Updates after a sign-in (counter, last used) pass straight
 * through.
 */
class PasskeyCredentials implements UserCredentialRepository {

    private final JdbcUserCredentialRepository jdbc;
    private final PasskeyRepository passkeys;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final ObjectProvider<PasskeyService> service;

    PasskeyCredentials(
            JdbcUserCredentialRepository jdbc,
            PasskeyRepository passkeys,
            CurrentUser currentUser,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            ObjectProvider<PasskeyService> service) {
        this.jdbc = jdbc;
        this.passkeys = passkeys;
        this.currentUser = currentUser;
        this.events = events;
        this.transactions = transactions;
        this.service = service;
    }

    @Override
    public void delete(Bytes credentialId) {
        service.getObject().remove(credentialId.toBase64UrlString());
    }

    @Override
    public void save(CredentialRecord credential) {
        if (jdbc.findByCredentialId(credential.getCredentialId()) != null) {
            jdbc.save(credential);
            return;
        }
        SignedInUser member = currentUser.require();
        UUID owner = passkeys.ownerOfUserEntity(credential.getUserEntityUserId().toBase64UrlString())
                .orElse(null);
        if (!member.userId().equals(owner)) {
            throw new AccessDeniedException("A passkey can only be added by the member it is for.");
        }
        String name = service.getObject().validName(member.userId(), credential.getLabel(), null);
        transactions.executeWithoutResult(status -> {
            // Spring stamps "last used" at registration; the same instant as "created" reads as never used.
            jdbc.save(ImmutableCredentialRecord.fromCredentialRecord(credential)
                    .label(name)
                    .lastUsed(credential.getCreated())
                    .build());
            events.publishEvent(
                    new PasskeyChanged(member.workspaceId(), member.userId(), PasskeyChanged.Change.ADDED, name, null));
        });
    }

    @Override
    public CredentialRecord findByCredentialId(Bytes credentialId) {
        return jdbc.findByCredentialId(credentialId);
    }

    @Override
    public List<CredentialRecord> findByUserId(Bytes userId) {
        return jdbc.findByUserId(userId);
    }
}
