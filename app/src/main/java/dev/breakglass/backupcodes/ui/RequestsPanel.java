package dev.breakglass.backupcodes.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import dev.breakglass.backupcodes.CodeRequest;
import dev.breakglass.backupcodes.CodeRequestRefusedException;
import dev.breakglass.backupcodes.CodeRequestService;
import dev.breakglass.backupcodes.RequestPolicy;
import dev.breakglass.backupcodes.RequestState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The Requests panel of an account, for its Owners: Collaborators' requests for a code, newest open ones first, each
 * opened to Approve or Deny; and how the account answers them (waiting period, two approvals). Shows nothing to
 * anyone else.
 */
public class RequestsPanel extends Details {

    private static final List<Duration> WAITING_PERIODS = List.of(
            Duration.ZERO,
            Duration.ofHours(1),
            Duration.ofHours(4),
            Duration.ofHours(12),
            Duration.ofDays(1),
            Duration.ofDays(2),
            Duration.ofDays(3),
            Duration.ofDays(7));

    private final CodeRequestService service;
    private final UUID accountId;
    private final Div list = new Div();
    private UUID shown;
    private HorizontalLayout settings;

    public RequestsPanel(CodeRequestService service, UUID accountId) {
        super("Requests");
        this.service = service;
        this.accountId = accountId;
        setId("requests-panel");
        addClassName("requests-panel");
        if (!service.mayAnswer(accountId)) {
            setVisible(false);
            return;
        }
        list.setId("request-list");
        add(
                new Paragraph("Collaborators who are locked out ask here for one code. Approving lets them take the"
                        + " next unused code, once; they never see the others."),
                list);
        // The request settings are built when the panel is first opened: a page that never opens it holds none.
        addOpenedChangeListener(event -> {
            if (event.isOpened() && settings == null) {
                settings = policyForm();
                add(settings);
            }
        });
        refresh();
    }

    /**
     * Opens the panel on one request (from the link in its e-mail): marked, and scrolled to. Nothing happens for a
     * request the panel does not list.
     */
    public void show(UUID requestId) {
        shown = requestId;
        if (isVisible()) {
            refresh();
            setOpened(true);
        }
    }

    private void refresh() {
        list.removeAll();
        List<CodeRequest> requests = service.accountRequests(accountId);
        if (requests.isEmpty()) {
            list.add(new Paragraph("No requests yet."));
        }
        requests.forEach(request -> list.add(row(request)));
        long pending =
                requests.stream().filter(r -> r.state() == RequestState.PENDING).count();
        setSummaryText(pending == 0 ? "Requests" : "Requests (" + pending + " waiting)");
        if (pending > 0) {
            setOpened(true);
        }
    }

    private Div row(CodeRequest request) {
        Div row = new Div();
        row.addClassName("code-request");
        row.getElement().setAttribute("data-request", request.id().toString());
        if (request.id().equals(shown)) {
            row.addClassName("linked-request");
            row.getElement().setAttribute("aria-current", "true");
            row.getElement().executeJs("this.scrollIntoView({block: 'center'})");
        }
        row.add(
                RequestDescriptions.badge(request),
                new Span(" " + request.requesterName() + ", " + RequestDescriptions.WHEN.format(request.createdAt())
                        + ": \"" + request.reasonFirstLine() + "\" "),
                new Span(RequestDescriptions.status(request)));
        if (request.state() == RequestState.PENDING) {
            Button open = new Button("Open", event -> answer(request));
            open.setId("answer-" + request.id());
            open.addClassName("answer-request");
            row.add(open);
        }
        return row;
    }

    private void answer(CodeRequest request) {
        AnswerRequestDialog[] dialog = new AnswerRequestDialog[1];
        dialog[0] = new AnswerRequestDialog(
                request,
                note -> RequestIdentity.confirmThen(
                        service, () -> decide(dialog[0], () -> service.approve(request.id(), note))),
                note -> RequestIdentity.confirmThen(
                        service, () -> decide(dialog[0], () -> service.deny(request.id(), note))));
        dialog[0].open();
    }

    /** Runs an answer; whatever won (this answer or another one), the dialog closes and the list shows it. */
    private void decide(AnswerRequestDialog dialog, Supplier<CodeRequest> answer) {
        try {
            CodeRequest now = answer.get();
            MyCodeRequests.success(
                    switch (now.state()) {
                        case APPROVED -> "Request approved. " + now.requesterName() + " can take one code now.";
                        case DENIED -> "Request denied.";
                        default -> "Your approval is saved. A second Owner must approve too.";
                    });
        } catch (CodeRequestRefusedException e) {
            MyCodeRequests.error(e.getMessage());
        }
        dialog.close();
        refresh();
    }

    private HorizontalLayout policyForm() {
        RequestPolicy policy = service.policy(accountId);
        Select<Duration> waiting = new Select<>();
        waiting.setId("waiting-period");
        waiting.setLabel("Waiting period");
        waiting.setHelperText("With no answer within it, a request is approved by itself. A deny always wins.");
        waiting.setItems(WAITING_PERIODS);
        waiting.setItemLabelGenerator(RequestsPanel::describe);
        waiting.setValue(policy.waitingPeriod().orElse(Duration.ZERO));
        Checkbox two = new Checkbox("Require two Owners' approvals", policy.twoApprovals());
        two.setId("two-approvals");
        Button save = new Button("Save request settings", event -> {
            try {
                Duration wait = waiting.getValue();
                service.setPolicy(
                        accountId,
                        new RequestPolicy(
                                wait == null || wait.isZero() ? Optional.empty() : Optional.of(wait), two.getValue()));
                MyCodeRequests.success("Request settings saved. They apply to new requests.");
            } catch (CodeRequestRefusedException e) {
                MyCodeRequests.error(e.getMessage());
            }
        });
        save.setId("save-request-settings");
        HorizontalLayout form = new HorizontalLayout(waiting, two, save);
        form.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        form.setWrap(true);
        form.setId("request-settings");
        return form;
    }

    private static String describe(Duration wait) {
        if (wait.isZero()) {
            return "Off";
        }
        if (wait.toDays() > 0) {
            return wait.toDays() == 1 ? "1 day" : wait.toDays() + " days";
        }
        return wait.toHours() == 1 ? "1 hour" : wait.toHours() + " hours";
    }
}
