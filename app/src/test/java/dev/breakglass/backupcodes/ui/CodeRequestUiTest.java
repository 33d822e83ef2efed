package dev.breakglass.backupcodes.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import dev.breakglass.audit.AuditEntry;
import dev.breakglass.audit.AuditFilter;
import dev.breakglass.audit.AuditLog;
import dev.breakglass.backupcodes.BackupCodeService;
import dev.breakglass.backupcodes.CodeRequest;
import dev.breakglass.backupcodes.CodeRequestRefusedException;
import dev.breakglass.backupcodes.CodeRequestSchedule;
import dev.breakglass.backupcodes.CodeRequestService;
import dev.breakglass.backupcodes.Mismatch;
import dev.breakglass.notifications.Notice;
import dev.breakglass.notifications.NotificationCenter;
import dev.breakglass.security.NotFoundException;
import dev.breakglass.testing.KaribuTest;
import dev.breakglass.testing.RoleFixtures;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Break-glass requests in the UI: bob (a Collaborator of GitHub) asks for a code, alice (an Owner) answers, bob takes
 * exactly one code. Denials, cancelling, expiry, the waiting period, the quorum and the refusals.
 */
class CodeRequestUiTest extends KaribuTest {

    static final List<String> CODES = List.of("11111-aaaaa", "22222-bbbbb", "33333-ccccc", "44444-ddddd");

    UUID github;

    @BeforeEach
    void aliceSavesCodes() {
        github = fixtures.accountId("GitHub");
        loginConfirmedAs("alice@acme.test");
        context.getBean(BackupCodeService.class).saveCodes(github, String.join("\n", CODES), Mismatch.ACCEPTED);
    }

    @Test
    void collaboratorRequests_ownerApproves_collaboratorTakesExactlyOneCode() {
        bobRequests("Lost my phone on call\nthe pager says the org is locked");
        assertThat(myState()).isEqualTo("Pending");
        assertThat(_find(Button.class, spec -> spec.withId("request-code"))).isEmpty();

        loginConfirmedAs("alice@acme.test");
        assertThat(context.getBean(NotificationCenter.class).unreadCount()).isEqualTo(1);
        _click(_get(Button.class, spec -> spec.withId("notification-bell")));
        assertThat(_get(UnorderedList.class, spec -> spec.withId("notification-list"))
                        .getChildren()
                        .map(item -> ((ListItem) item).getElement().getTextRecursively()))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("Bob Example asks for a backup code of GitHub: \"Lost my phone on call\"");
        _get(Dialog.class).close();
        openAccount("GitHub");
        Details panel = _get(Details.class, spec -> spec.withId("requests-panel"));
        assertThat(panel.isOpened()).isTrue();
        assertThat(panel.getSummaryText()).isEqualTo("Requests (1 waiting)");
        answer("Approve", "Go ahead, tell me when you are in");
        assertThat(NotificationsKt.getNotifications())
                .extracting(com.github.mvysny.kaributools.NotificationsKt::getText)
                .contains("Request approved. Bob Example can take one code now.");
        assertThat(panelState()).isEqualTo("Approved");

        loginConfirmedAs("bob@acme.test");
        openEmergencyControls("GitHub");
        assertThat(myState()).isEqualTo("Approved");
        assertThat(_get(Paragraph.class, spec -> spec.withId("codes-summary")).getText())
                .startsWith("4 of 4 backup codes left");
        _click(_get(Button.class, spec -> spec.withId("use-approved-code")));

        assertThat(_get(Div.class, spec -> spec.withId("approved-code")).getText())
                .isEqualTo("11111-aaaaa");
        assertThat(_get(Paragraph.class, spec -> spec.withId("codes-summary")).getText())
                .startsWith("3 of 4 backup codes left");
        _click(_get(Button.class, spec -> spec.withId("close-approved-code")));
        assertThat(_find(Div.class, spec -> spec.withId("approved-code"))).isEmpty();
        assertThat(myState()).isEqualTo("Used");
        assertThat(_find(Button.class, spec -> spec.withId("use-approved-code")))
                .isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("request-code"))).hasSize(1);

        // The approval is used up: a second take is refused, and no other code moves.
        CodeRequest used = requests().myRequests(github).get(0);
        assertThatThrownBy(() -> requests().useApprovedCode(used.id()))
                .isInstanceOf(CodeRequestRefusedException.class)
                .hasMessage("The code of this approval was already taken. Request a code again if needed.");
        assertThat(context.getBean(BackupCodeService.class)
                        .overview(github)
                        .activeSet()
                        .orElseThrow()
                        .remaining())
                .isEqualTo(3);

        loginConfirmedAs("owner@acme.test");
        AuditLog audit = context.getBean(AuditLog.class);
        assertThat(audit.search(new AuditFilter(null, null, github, null, null), 0, 5))
                .extracting(AuditEntry::action)
                .containsSubsequence("REQUEST_CODE_TAKEN", "CODE_HANDED_OUT", "REQUEST_APPROVED", "REQUEST_REQUESTED");
        // The Audit log filters by the request actions; the newest request is this one, with its reason.
        List<AuditEntry> requested = audit.search(new AuditFilter(null, "REQUEST_REQUESTED", null, null, null), 0, 5);
        assertThat(requested).extracting(AuditEntry::action).containsOnly("REQUEST_REQUESTED");
        assertThat(requested.get(0).details()).contains("Lost my phone on call").doesNotContain("11111");
        assertThat(audit.actions()).contains("REQUEST_REQUESTED", "REQUEST_APPROVED", "REQUEST_DENIED");
    }

    @Test
    void ownerDenies_withANote_collaboratorSeesTheDenial_andMayAskAgain() {
        bobRequests("Need in");

        loginConfirmedAs("alice@acme.test");
        openAccount("GitHub");
        answer("Deny", "Call me first");
        assertThat(panelState()).isEqualTo("Denied");
        assertThat(_find(Button.class, spec -> spec.withClasses("answer-request")))
                .isEmpty();

        loginConfirmedAs("bob@acme.test");
        assertThat(context.getBean(NotificationCenter.class).recent())
                .extracting(Notice::message)
                .containsExactly("Alice Example denied your request for a code of GitHub. Note: \"Call me first\"");
        openEmergencyControls("GitHub");
        assertThat(myState()).isEqualTo("Denied");
        assertThat(rowText()).contains("Denied by Alice Example. Note: \"Call me first\"");
        assertThat(_find(Button.class, spec -> spec.withId("use-approved-code")))
                .isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("request-code"))).hasSize(1);
    }

    @Test
    void collaboratorCancels_ownersSeeItCancelled_andCannotAnswerAnyMore() {
        bobRequests("Need in");
        CodeRequest request = requests().myRequests(github).get(0);
        _click(_get(Button.class, spec -> spec.withId("cancel-request")));
        assertThat(myState()).isEqualTo("Cancelled");

        loginConfirmedAs("alice@acme.test");
        assertThatThrownBy(() -> requests().approve(request.id(), null))
                .isInstanceOf(CodeRequestRefusedException.class)
                .hasMessage("This request was cancelled by Bob Example.");
        openAccount("GitHub");
        _get(Details.class, spec -> spec.withId("requests-panel")).setOpened(true);
        assertThat(panelState()).isEqualTo("Cancelled");
        assertThat(_find(Button.class, spec -> spec.withClasses("answer-request")))
                .isEmpty();
    }

    @Test
    void approvalNotUsedInItsWindow_expires_andTakingItThenHandsOutNothing() {
        bobRequests("Need in");
        approveAs("alice@acme.test");

        loginConfirmedAs("bob@acme.test");
        openEmergencyControls("GitHub");
        clock.advance(Duration.ofMinutes(61));
        // The password confirmation is old by now: Use approved code asks for it first.
        _click(_get(Button.class, spec -> spec.withId("use-approved-code")));
        _setValue(_get(PasswordField.class, spec -> spec.withId("confirm-password")), "breakglass-demo");
        _click(_get(Button.class, spec -> spec.withId("confirm-identity")));

        assertThat(NotificationsKt.getNotifications())
                .extracting(com.github.mvysny.kaributools.NotificationsKt::getText)
                .contains(
                        "This approval ran out before the code was taken. Request a code again if you still need one.");
        assertThat(_find(Div.class, spec -> spec.withId("approved-code"))).isEmpty();
        assertThat(myState()).isEqualTo("Expired");
        assertThat(_get(Paragraph.class, spec -> spec.withId("codes-summary")).getText())
                .startsWith("4 of 4 backup codes left");
        RoleFixtures roles = context.getBean(RoleFixtures.class);
        assertThat(roles.lastAuditAction(roles.demoWorkspace().id())).isEqualTo("REQUEST_EXPIRED");
    }

    @Test
    void approvalWindowOver_theScheduleExpiresIt_andTheCollaboratorMayAskAgain() {
        bobRequests("Need in");
        approveAs("alice@acme.test");
        clock.advance(Duration.ofMinutes(61));
        assertThat(context.getBean(CodeRequestSchedule.class).expireOverdue()).isEqualTo(1);

        loginConfirmedAs("bob@acme.test");
        openEmergencyControls("GitHub");
        assertThat(myState()).isEqualTo("Expired");
        assertThat(_find(Button.class, spec -> spec.withId("request-code"))).hasSize(1);
        assertThat(context.getBean(NotificationCenter.class).recent())
                .extracting(Notice::message)
                .contains("Your approval for a code of GitHub ran out before the code was taken.");
    }

    @Test
    void waitingPeriodOver_withNoAnswer_approvesByItself_andEveryOwnerIsTold() {
        setPolicy(Duration.ofHours(1), false);
        bobRequests("Locked out at night");
        assertThat(rowText()).contains("Approved by itself at");

        clock.advance(Duration.ofMinutes(59));
        assertThat(context.getBean(CodeRequestSchedule.class).approveOverdue()).isZero();
        clock.advance(Duration.ofMinutes(2));
        assertThat(context.getBean(CodeRequestSchedule.class).approveOverdue()).isEqualTo(1);

        loginConfirmedAs("bob@acme.test");
        openEmergencyControls("GitHub");
        assertThat(myState()).isEqualTo("Approved");
        assertThat(rowText()).contains("Approved automatically: no Owner answered within the waiting period.");
        _click(_get(Button.class, spec -> spec.withId("use-approved-code")));
        assertThat(_get(Div.class, spec -> spec.withId("approved-code")).getText())
                .isEqualTo("11111-aaaaa");

        for (String owner : List.of("alice@acme.test", "owner@acme.test")) {
            loginConfirmedAs(owner);
            assertThat(context.getBean(NotificationCenter.class).recent())
                    .extracting(Notice::message)
                    .contains("Bob Example's request for a code of GitHub was approved automatically:"
                            + " no Owner answered within the waiting period.");
        }
    }

    @Test
    void waitingPeriod_anOwnersDenyWhilePending_wins() {
        setPolicy(Duration.ofHours(1), false);
        bobRequests("Locked out at night");
        loginConfirmedAs("alice@acme.test");
        openAccount("GitHub");
        answer("Deny", "");

        clock.advance(Duration.ofHours(2));
        assertThat(context.getBean(CodeRequestSchedule.class).approveOverdue()).isZero();
        loginConfirmedAs("bob@acme.test");
        openEmergencyControls("GitHub");
        assertThat(myState()).isEqualTo("Denied");
    }

    @Test
    void quorum_needsTwoDifferentOwners_andOneOwnerCannotApproveTwice() {
        setPolicy(Duration.ZERO, true);
        bobRequests("Need in");

        loginConfirmedAs("alice@acme.test");
        openAccount("GitHub");
        answer("Approve", "");
        assertThat(panelState()).isEqualTo("Pending");
        assertThat(rowText()).contains("Approved by Alice Example; a second Owner must approve too.");
        answer("Approve", "");
        assertThat(NotificationsKt.getNotifications())
                .extracting(com.github.mvysny.kaributools.NotificationsKt::getText)
                .contains("You already approved this request. It needs a second Owner's approval.");
        assertThat(panelState()).isEqualTo("Pending");

        loginConfirmedAs("owner@acme.test");
        openAccount("GitHub");
        answer("Approve", "");
        assertThat(panelState()).isEqualTo("Approved");

        loginConfirmedAs("bob@acme.test");
        openEmergencyControls("GitHub");
        assertThat(rowText()).contains("Approved by Alice Example, Olivia Owner.");
    }

    @Test
    void guest_otherWorkspace_andOwners_cannotRequest() {
        UUID microsoft = fixtures.accountId("Microsoft 365");
        context.getBean(BackupCodeService.class).saveCodes(microsoft, String.join("\n", CODES), Mismatch.ACCEPTED);

        loginConfirmedAs("gina@acme.test"); // a Guest, Collaborator of Microsoft 365
        openEmergencyControls("Microsoft 365");
        assertThat(_find(Button.class, spec -> spec.withId("request-code"))).isEmpty();
        assertThatThrownBy(() -> requests().request(microsoft, "Please"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("The account was not found.");

        loginConfirmedAs("alice@acme.test"); // an Owner: Use next code is hers
        openEmergencyControls("GitHub");
        assertThat(_find(Button.class, spec -> spec.withId("request-code"))).isEmpty();
        assertThatThrownBy(() -> requests().request(github, "Please")).isInstanceOf(NotFoundException.class);

        bobRequests("Need in");
        CodeRequest request = requests().myRequests(github).get(0);
        loginConfirmedAs(fixtures.otherWorkspaceOwner());
        assertThatThrownBy(() -> requests().request(github, "Please")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> requests().approve(request.id(), null))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("The request was not found.");
        assertThatThrownBy(() -> requests().useApprovedCode(request.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void reason_isRequired_andAtMost500Characters_andTheTextStays() {
        loginConfirmedAs("bob@acme.test");
        openEmergencyControls("GitHub");
        _click(_get(Button.class, spec -> spec.withId("request-code")));
        TextArea reason = _get(TextArea.class, spec -> spec.withId("request-reason"));
        _setValue(reason, "   ");
        _click(_get(Button.class, spec -> spec.withId("send-request")));
        assertThat(reason.getErrorMessage()).isEqualTo("Say why you need a code, so the Owners can decide.");
        assertThat(_get(Dialog.class).isOpened()).isTrue();

        assertThatThrownBy(() -> requests().request(github, "x".repeat(501)))
                .isInstanceOf(CodeRequestRefusedException.class)
                .hasMessage("The reason is 501 characters long; shorten it to 500 or fewer.");
        assertThat(requests().myRequests(github)).isEmpty();
    }

    /** The link in a request's e-mail opens the account on the request: the Owners' panel marks it. */
    @Test
    void theLinkInARequestsEmail_opensThePanelOnThatRequest() {
        bobRequests("Locked out");
        UUID request = requests().myRequests(github).get(0).id();

        loginConfirmedAs("alice@acme.test");
        UI.getCurrent()
                .navigate(
                        "accounts/" + github, com.vaadin.flow.router.QueryParameters.of("request", request.toString()));

        Details panel = _get(Details.class, spec -> spec.withId("requests-panel"));
        assertThat(panel.isOpened()).isTrue();
        assertThat(_get(Details.class, spec -> spec.withId("emergency-controls"))
                        .isOpened())
                .isTrue();
        assertThat(_find(Div.class, spec -> spec.withClasses("linked-request")))
                .singleElement()
                .satisfies(row -> assertThat(row.getElement().getAttribute("data-request"))
                        .isEqualTo(request.toString()));

        UI.getCurrent()
                .navigate("accounts/" + github, com.vaadin.flow.router.QueryParameters.of("request", "not-an-id"));
        assertThat(_find(Div.class, spec -> spec.withClasses("linked-request"))).isEmpty();
    }

    private void bobRequests(String reason) {
        loginConfirmedAs("bob@acme.test");
        openEmergencyControls("GitHub");
        _click(_get(Button.class, spec -> spec.withId("request-code")));
        _setValue(_get(TextArea.class, spec -> spec.withId("request-reason")), reason);
        _click(_get(Button.class, spec -> spec.withId("send-request")));
    }

    private void approveAs(String email) {
        loginConfirmedAs(email);
        openAccount("GitHub");
        answer("Approve", "");
    }

    /** Opens the one pending request in the Requests panel and answers it. */
    private static void answer(String button, String note) {
        _click(_get(Button.class, spec -> spec.withClasses("answer-request")));
        _setValue(_get(TextArea.class, spec -> spec.withId("answer-note")), note);
        _click(_get(Button.class, spec -> spec.withId("Approve".equals(button) ? "approve-request" : "deny-request")));
    }

    private void setPolicy(Duration wait, boolean twoApprovals) {
        loginConfirmedAs("alice@acme.test");
        openAccount("GitHub");
        _get(Details.class, spec -> spec.withId("requests-panel")).setOpened(true);
        @SuppressWarnings("unchecked")
        Select<Duration> waiting = _get(Select.class, spec -> spec.withId("waiting-period"));
        _setValue(waiting, wait);
        _setValue(_get(Checkbox.class, spec -> spec.withId("two-approvals")), twoApprovals);
        _click(_get(Button.class, spec -> spec.withId("save-request-settings")));
    }

    private CodeRequestService requests() {
        return context.getBean(CodeRequestService.class);
    }

    /** The state of the newest request, as the requester sees it in Emergency controls. */
    private static String myState() {
        Component mine = _get(Div.class, spec -> spec.withId("my-code-requests"));
        return _find(mine, Span.class, spec -> spec.withClasses("request-state"))
                .get(0)
                .getText();
    }

    private static String panelState() {
        Component panel = _get(Details.class, spec -> spec.withId("requests-panel"));
        return _find(panel, Span.class, spec -> spec.withClasses("request-state"))
                .get(0)
                .getText();
    }

    /** The words of the first request row on the page. */
    private static String rowText() {
        return _find(Div.class, spec -> spec.withClasses("code-request"))
                .get(0)
                .getChildren()
                .map(child -> child instanceof Span span ? span.getText() : "")
                .reduce("", String::concat);
    }
}
