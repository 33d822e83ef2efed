package dev.breakglass.notifications;

import dev.breakglass.security.AccessPolicy;
import dev.breakglass.security.MemberGrant;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** A member's own e-mail settings: whether they hear by e-mail when codes of accounts they own are touched. */
@Service
@PreAuthorize("isAuthenticated()")
public class MailPreferences {

    private final AccessPolicy access;
    private final MailOutboxRepository outbox;
    private final MailOutbox mail;

    MailPreferences(AccessPolicy access, MailOutboxRepository outbox, MailOutbox mail) {
        this.access = access;
        this.outbox = outbox;
        this.mail = mail;
    }

    /** Whether the server sends e-mail at all (a mail server is configured). */
    public boolean mailEnabled() {
        return mail.enabled();
    }

    /** Whether the signed-in member gets an e-mail when codes of accounts they own are viewed, used, replaced or deleted. */
    public boolean codeActivity() {
        MemberGrant me = access.requireMember();
        return outbox.codeActivity(me.user().workspaceId(), me.user().userId());
    }

    public void setCodeActivity(boolean on) {
        MemberGrant me = access.requireMember();
        outbox.setCodeActivity(me.user().workspaceId(), me.user().userId(), on);
    }
}
