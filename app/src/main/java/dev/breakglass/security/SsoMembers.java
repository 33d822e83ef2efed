package dev.breakglass.security;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds the member a provider's sign-in is for. First by the stable subject ({@code sub}) linked at an earlier
 * sign-in, so a changed e-mail address at the provider keeps the link; else by the e-mail address, which the
 * provider must have verified ({@code email_verified}) and which must be of an allowed domain, and then the subject
 * is linked. A person who is not a member joins with the role User when the workspace allows just-in-time
 * membership for their (listed) domain; everyone else is refused with a sentence ({@link SsoProblem}).
 */
@Component
class SsoMembers {

    private final SsoRepository repository;
    private final MemberDetailsService members;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    SsoMembers(
            SsoRepository repository,
            MemberDetailsService members,
            ApplicationEventPublisher events,
            TransactionTemplate transaction) {
        this.repository = repository;
        this.members = members;
        this.events = events;
        this.transaction = transaction;
    }

    /** The member, signed in; or a refusal that says why. */
    BreakglassUserDetails match(SsoConfig config, OidcUser person) {
        BreakglassUserDetails member = transaction.execute(status -> find(config, person));
        SignedInUser user = member.signedInUser();
        events.publishEvent(new SignInSecurityChanged(
                user.workspaceId(), user.userId(), user.userId(), SignInSecurityAction.LOGIN_WITH_SSO, 0, ""));
        return member;
    }

    private BreakglassUserDetails find(SsoConfig config, OidcUser person) {
        UUID workspaceId = config.workspaceId();
        String issuer = issuerOf(config, person);
        String subject = person.getSubject();
        Optional<UUID> linked = repository.linkedMember(workspaceId, issuer, subject);
        if (linked.isPresent()) {
            return active(linked.get(), workspaceId);
        }
        if (!Boolean.TRUE.equals(person.getEmailVerified())) {
            throw new SsoRefusedException(SsoProblem.EMAIL_NOT_VERIFIED);
        }
        String email =
                person.getEmail() == null ? "" : person.getEmail().strip().toLowerCase(Locale.ROOT);
        if (email.isEmpty()) {
            throw new SsoRefusedException(SsoProblem.EMAIL_NOT_VERIFIED);
        }
        if (!config.allows(email)) {
            throw new SsoRefusedException(SsoProblem.DOMAIN_NOT_ALLOWED);
        }
        Optional<UUID> byEmail = repository.memberByEmail(workspaceId, email);
        if (byEmail.isPresent()) {
            if (repository.isLinked(workspaceId, issuer, byEmail.get())) {
                // Linked to another subject of this provider: the address moved to someone else there.
                throw new SsoRefusedException(SsoProblem.NOT_A_MEMBER);
            }
            BreakglassUserDetails member = active(byEmail.get(), workspaceId);
            repository.link(workspaceId, issuer, subject, byEmail.get());
            publish(member.signedInUser(), SignInSecurityAction.SSO_LINKED);
            return member;
        }
        if (!config.justInTime() || config.allowedDomains().isEmpty()) {
            throw new SsoRefusedException(SsoProblem.NOT_A_MEMBER);
        }
        UUID userId = repository.personByEmail(email).orElseGet(() -> {
            UUID id = UUID.randomUUID();
            repository.addPerson(id, email, displayNameOf(person, email));
            return id;
        });
        repository.addMembership(workspaceId, userId, WorkspaceRole.USER);
        repository.link(workspaceId, issuer, subject, userId);
        BreakglassUserDetails member = active(userId, workspaceId);
        publish(member.signedInUser(), SignInSecurityAction.SSO_MEMBER_JOINED);
        return member;
    }

    private BreakglassUserDetails active(UUID userId, UUID workspaceId) {
        return members.loadMember(userId, workspaceId)
                .orElseThrow(() -> new SsoRefusedException(SsoProblem.NOT_A_MEMBER));
    }

    /** The issuer the token names, which discovery made sure is the configured one. */
    static String issuerOf(SsoConfig config, OidcUser person) {
        return person.getIssuer() == null ? config.issuer() : person.getIssuer().toString();
    }

    private static String displayNameOf(OidcUser person, String email) {
        String name = person.getFullName();
        if (name == null || name.isBlank()) {
            name = email.substring(0, email.indexOf('@') < 0 ? email.length() : email.indexOf('@'));
        }
        return name.length() > 200 ? name.substring(0, 200) : name.strip();
    }

    private void publish(SignedInUser user, SignInSecurityAction action) {
        events.publishEvent(new SignInSecurityChanged(user.workspaceId(), user.userId(), user.userId(), action, 0, ""));
    }
}
