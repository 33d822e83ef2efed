package dev.breakglass.password;

import dev.breakglass.security.AccessPolicy;
import dev.breakglass.security.IdentityConfirmation;
import dev.breakglass.security.ManagerGrant;
import dev.breakglass.security.MemberGrant;
import dev.breakglass.security.RevealHold;
import dev.breakglass.security.SignedInSessions;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Passwords: a member changes their own (the current one is asked for), an admin hands out a one-time
 * set-password link, and the link's holder chooses a password with it. Tokens are random, 256 bits, valid
 * 24 hours and stored only as their SHA-256 hash.
 */
@Service
public class PasswordService {

    static final Duration LINK_LIFETIME = Duration.ofHours(24);

    private final AccessPolicy access;
    private final PasswordRepository passwords;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SignedInSessions sessions;
    private final IdentityConfirmation identity;
    private final RevealHold revealHold;
    private final SessionsEndedOnPasswordChange everywhere;
    private final SecureRandom random = new SecureRandom();

    PasswordService(
            AccessPolicy access,
            PasswordRepository passwords,
            PasswordPolicy policy,
            PasswordEncoder encoder,
            ApplicationEventPublisher events,
            Clock clock,
            SignedInSessions sessions,
            IdentityConfirmation identity,
            RevealHold revealHold,
            SessionsEndedOnPasswordChange everywhere) {
        this.access = access;
        this.passwords = passwords;
        this.policy = policy;
        this.encoder = encoder;
        this.events = events;
        this.clock = clock;
        this.sessions = sessions;
        this.identity = identity;
        this.revealHold = revealHold;
        this.everywhere = everywhere;
    }

    /**
     * Changes the signed-in member's password.
     *
     * @throws WrongPasswordException when {@code currentPassword} is not their password; nothing changes
     * @throws WeakPasswordException when the new password does not meet the policy; nothing changes
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword) {
        MemberGrant member = access.requireMember();
        UUID userId = member.user().userId();
        String hash = passwords.findHash(userId).orElse(null);
        if (hash == null || currentPassword == null || !encoder.matches(currentPassword, hash)) {
            throw new WrongPasswordException();
        }
        policy.require(newPassword, member.user().email());
        passwords.updateHash(userId, encoder.encode(newPassword));
        events.publishEvent(new PasswordChanged(member.user().workspaceId(), userId, false, null));
        // Whoever signed in elsewhere with the old password is signed out; this session stays.
        String thisSession = currentSessionId();
        everywhere.announce(userId);
        afterCommit(() -> sessions.endOthersOf(userId, thisSession));
    }

    /**
     * A new one-time link for a member to choose their password; earlier links of theirs stop working. Only
     * someone who may manage the member may issue it.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public SetPasswordLink issueSetPasswordLink(UUID userId) {
        ManagerGrant grant = access.requireManagerOf(userId);
        boolean replacesPassword = passwords.findHash(userId).isPresent();
        if (replacesPassword) {
            // A link that replaces a password lets its holder sign in as the member: a privileged act.
            identity.requireRecent();
        }
        return issueLink(
                grant.manager().user().workspaceId(),
                userId,
                grant.manager().user().userId(),
                replacesPassword);
    }

    /**
     * The first Owner's one-time link, issued by the system rather than an admin: for a workspace just created
     * (on the command line or the first-run page), inside the transaction that created it. Only a member who has
     * never chosen a password gets one this way.
     */
    @PreAuthorize("permitAll()")
    @Transactional(propagation = Propagation.MANDATORY)
    public SetPasswordLink issueSystemSetPasswordLink(UUID workspaceId, UUID userId) {
        // No signed-in admin vouches for this link, so it is only for the first Owner of a workspace being created.
        if (passwords.findHash(userId).isPresent() || !passwords.isSoleOwner(workspaceId, userId)) {
            throw new IllegalStateException(
                    "A system-issued set-password link is only for the first Owner of a new workspace, without a password");
        }
        return issueLink(workspaceId, userId, null, false);
    }

    private SetPasswordLink issueLink(UUID workspaceId, UUID userId, UUID issuedBy, boolean replacesPassword) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        OffsetDateTime expiresAt = OffsetDateTime.now(clock).plus(LINK_LIFETIME);
        passwords.replaceToken(hash(token), workspaceId, userId, issuedBy, expiresAt);
        events.publishEvent(new SetPasswordLinkIssued(workspaceId, issuedBy, userId, expiresAt, replacesPassword));
        return new SetPasswordLink(SetPasswordLink.PREFIX + token, expiresAt);
    }

    /** The display name of the member a set-password link is for, when the link still works. */
    @PreAuthorize("permitAll()")
    public Optional<String> setPasswordLinkHolder(String token) {
        return passwords
                .findUsableToken(hash(token), OffsetDateTime.now(clock))
                .map(PasswordRepository.TokenOwner::displayName);
    }

    /**
     * Sets the password of the member a link was made for, and uses the link up.
     *
     * @throws InvalidSetPasswordLinkException when the link does not work (any more); nothing changes
     * @throws WeakPasswordException when the password does not meet the policy; the link still works
     */
    @PreAuthorize("permitAll()")
    @Transactional
    public void setPasswordWithLink(String token, String newPassword) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String tokenHash = hash(token);
        PasswordRepository.TokenOwner owner =
                passwords.findUsableToken(tokenHash, now).orElseThrow(InvalidSetPasswordLinkException::new);
        policy.require(newPassword, owner.email());
        if (!passwords.markUsed(tokenHash, now)) {
            throw new InvalidSetPasswordLinkException();
        }
        passwords.updateHash(owner.userId(), encoder.encode(newPassword));
        UUID resetBy = owner.resetsByAdmin() ? owner.issuedBy() : null;
        if (resetBy != null) {
            // Whoever chose this password may be the admin: codes stay hidden until the member proves it is them.
            revealHold.start(owner.userId());
        }
        events.publishEvent(new PasswordChanged(owner.workspaceId(), owner.userId(), true, resetBy));
        everywhere.announce(owner.userId());
        afterCommit(() -> sessions.endAllOf(owner.userId()));
    }

    /** The HTTP session of the current request, if there is one. */
    private static String currentSessionId() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpSession session = attributes.getRequest().getSession(false);
            return session == null ? null : session.getId();
        }
        return null;
    }

    /** Sessions end only once the new password is saved, so a rolled-back change leaves them alone. */
    private static void afterCommit(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(token).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
