package dev.breakglass.notifications;

import static dev.breakglass.db.Tables.MAIL_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.breakglass.account.AllAccountsService;
import dev.breakglass.audit.AuditEntry;
import dev.breakglass.audit.AuditFilter;
import dev.breakglass.audit.AuditLog;
import dev.breakglass.backupcodes.BackupCodeService;
import dev.breakglass.backupcodes.CodeRequestService;
import dev.breakglass.backupcodes.Mismatch;
import dev.breakglass.security.AccountRole;
import dev.breakglass.security.WorkspaceRole;
import dev.breakglass.testing.Fixtures;
import dev.breakglass.testing.RoleFixtures;
import dev.breakglass.testing.RoleFixtures.TestMember;
import dev.breakglass.testing.RoleFixtures.TestWorkspace;
import dev.breakglass.testing.SignIn;
import dev.breakglass.testing.TestClock;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * E-mail through the outbox, against a real SMTP server (GreenMail) started here. A context of its own, because
 * mail is on only when {@code spring.mail.host} is set; the schedules are slowed down so the test sends the outbox
 * itself.
 */
@SpringBootTest(
        properties = {
            "spring.mail.host=127.0.0.1",
            "breakglass.mail.send-every=1h",
            "breakglass.requests.check-every=1h",
            "breakglass.public-url=https://breakglass.example.com/"
        })
class MailOutboxTest {

    static final int PORT = freePort();
    static final String CODES = "11111-aaaaa\n22222-bbbbb\n33333-ccccc\n";

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> PORT);
    }

    @Autowired
    MailDelivery delivery;

    @Autowired
    CodeRequestService requests;

    @Autowired
    BackupCodeService codes;

    @Autowired
    MailPreferences preferences;

    @Autowired
    AuditLog audit;

    @Autowired
    Fixtures fixtures;

    @Autowired
    SignIn signIn;

    @Autowired
    TestClock clock;

    @Autowired
    DSLContext db;

    @Autowired
    RoleFixtures roles;

    @Autowired
    AllAccountsService allAccounts;

    GreenMail smtp;
    UUID github;

    @BeforeEach
    void start() {
        fixtures.forgetAllCodes();
        clock.reset();
        smtp = startSmtp();
        github = fixtures.accountId("GitHub");
        signIn.asConfirmed("alice@acme.test");
        codes.saveCodes(github, CODES, Mismatch.ACCEPTED);
        signIn.out();
    }

    @AfterEach
    void stop() {
        smtp.stop();
        clock.reset();
        signIn.out();
    }

    @Test
    void newRequest_mailsEveryOwner_theAnswerMailsTheRequester_withoutCodesOrMoreThanTheFirstLine() throws Exception {
        signIn.asConfirmed("bob@acme.test");
        UUID request = requests.request(github, "Phone lost on call\nthe rest stays in the app")
                .id();

        assertThat(delivery.sendDue()).isEqualTo(2);
        MimeMessage[] asked = smtp.getReceivedMessages();
        assertThat(Arrays.stream(asked).map(MailOutboxTest::to))
                .containsExactlyInAnyOrder("alice@acme.test", "owner@acme.test");
        for (MimeMessage mail : asked) {
            String body = GreenMailUtil.getBody(mail);
            assertThat(mail.getSubject()).isEqualTo("Breakglass: Bob Example asks for a backup code of GitHub");
            assertThat(body)
                    .contains("Bob Example asks for a backup code of GitHub: \"Phone lost on call\"")
                    .contains("https://breakglass.example.com/accounts/" + github + "?request=" + request)
                    .doesNotContain("the rest stays in the app")
                    .doesNotContain("11111")
                    .doesNotContain("22222");
        }

        signIn.asConfirmed("alice@acme.test");
        requests.approve(request, "Go ahead");
        assertThat(delivery.sendDue()).isEqualTo(1);
        MimeMessage answer = smtp.getReceivedMessages()[2];
        assertThat(to(answer)).isEqualTo("bob@acme.test");
        assertThat(answer.getSubject()).isEqualTo("Breakglass: Your request for a code of GitHub was approved");

        signIn.asConfirmed("bob@acme.test");
        String code = requests.useApprovedCode(request).value();
        delivery.sendDue();
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(GreenMailUtil::getWholeMessage))
                .noneMatch(text -> text.contains(code));
    }

    @Test
    void mailServerDown_theRequestStillGoesThrough_andTheOutboxRetriesWithBackoff() {
        smtp.stop();
        signIn.asConfirmed("bob@acme.test");
        UUID request = requests.request(github, "Need in").id();
        assertThat(request).isNotNull();

        assertThat(delivery.sendDue()).isZero();
        assertThat(db.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.STATE.eq("PENDING").and(MAIL_OUTBOX.ATTEMPTS.eq(1))))
                .isEqualTo(2);
        assertThat(db.select(MAIL_OUTBOX.LAST_ERROR).from(MAIL_OUTBOX).fetch(MAIL_OUTBOX.LAST_ERROR))
                .allMatch(error -> error != null && !error.isBlank());

        smtp = startSmtp();
        assertThat(delivery.sendDue()).isZero(); // the next attempt is a minute away
        clock.advance(Duration.ofMinutes(2));
        assertThat(delivery.sendDue()).isEqualTo(2);
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(db.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.STATE.eq("SENT"))).isEqualTo(2);
    }

    @Test
    void mailServerDownForGood_theMailIsGivenUp_andTheAuditLogShowsIt() {
        smtp.stop();
        signIn.asConfirmed("bob@acme.test");
        requests.request(github, "Need in");
        signIn.out();
        signIn.asConfirmed("owner@acme.test");
        int failedBefore = audit.count(new AuditFilter(null, "MAIL_FAILED", null, null, null));

        for (int attempt = 0; attempt < 8; attempt++) {
            delivery.sendDue();
            clock.advance(Duration.ofMinutes(61));
        }

        assertThat(db.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.STATE.eq("FAILED").and(MAIL_OUTBOX.ATTEMPTS.eq(8))))
                .isEqualTo(2);
        List<AuditEntry> failed = audit.search(new AuditFilter(null, "MAIL_FAILED", null, null, null), 0, 10);
        assertThat(failed).hasSize(failedBefore + 2);
        assertThat(failed.get(0).details()).contains("REQUEST_REQUESTED").contains("\"attempts\": 8");
        assertThat(delivery.sendDue()).isZero();
    }

    /** A break-glass event: mailed to everyone concerned whatever their e-mail settings, never to who did it. */
    @Test
    void aReassignment_isMailedToTheFormerAndNewOwners() throws Exception {
        TestWorkspace workspace = roles.newWorkspace();
        TestMember former = workspace.member(WorkspaceRole.USER);
        TestMember newOwner = workspace.addMember("heir", WorkspaceRole.USER);
        TestMember admin = workspace.member(WorkspaceRole.OWNER);
        UUID account = workspace.addAccount("Payroll", Map.of(former.userId(), AccountRole.OWNER));

        signIn.asConfirmed(admin.email());
        allAccounts.reassignOwners(account, Set.of(newOwner.userId()));

        assertThat(delivery.sendDue()).isEqualTo(2);
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(MailOutboxTest::to))
                .containsExactlyInAnyOrder(former.email(), newOwner.email());
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            assertThat(mail.getSubject()).isEqualTo("Breakglass: The Owners of Payroll were reassigned");
            assertThat(GreenMailUtil.getBody(mail))
                    .contains("reassigned the Owners of Payroll")
                    .contains("https://breakglass.example.com/accounts/" + account);
        }
    }

    @Test
    void codeActivity_isMailedOnlyToOwnersWhoOptedIn() throws Exception {
        signIn.asConfirmed("alice@acme.test");
        preferences.setCodeActivity(true);

        signIn.asConfirmed("owner@acme.test");
        assertThat(preferences.codeActivity()).isFalse();
        codes.revealCodes(github);
        codes.useNextCode(github);

        assertThat(delivery.sendDue()).isEqualTo(2);
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(MailOutboxTest::to))
                .containsOnly("alice@acme.test");
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(message -> {
                    try {
                        return message.getSubject();
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                }))
                .containsExactlyInAnyOrder(
                        "Breakglass: Olivia Owner viewed the codes of GitHub",
                        "Breakglass: Olivia Owner used a backup code of GitHub");
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(GreenMailUtil::getWholeMessage))
                .noneMatch(text -> text.contains("11111"));
    }

    private static GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static String to(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
