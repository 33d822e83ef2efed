package dev.breakglass.backupcodes.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import dev.breakglass.backupcodes.CodeRequest;
import dev.breakglass.backupcodes.CodeRequestRefusedException;
import dev.breakglass.backupcodes.CodeRequestService;
import dev.breakglass.backupcodes.CodesChangedException;
import dev.breakglass.backupcodes.HandedOutCode;
import dev.breakglass.backupcodes.NoUnusedCodesException;
import dev.breakglass.backupcodes.RequestState;
import dev.breakglass.crypto.CipherException;
import dev.breakglass.security.RevealHeldException;
import java.util.List;
import java.util.UUID;

/**
 * A Collaborator's part of Emergency controls: Request a code, their requests with what became of them, Cancel, and
 * Use approved code. Shows nothing to a member who may not request (Owners, Guests, Login-only users).
 */
public class MyCodeRequests extends Div {

    private final CodeRequestService service;
    private final UUID accountId;
    private final String accountLabel;
    private final EmergencyControls emergency;

    /** @param emergency the section it sits in, whose code count it refreshes once a code is taken */
    public MyCodeRequests(
            CodeRequestService service, UUID accountId, String accountLabel, EmergencyControls emergency) {
        this.service = service;
        this.accountId = accountId;
        this.accountLabel = accountLabel;
        this.emergency = emergency;
        setId("my-code-requests");
        addClassName("my-code-requests");
        refresh();
    }

    private void refresh() {
        removeAll();
        List<CodeRequest> mine = service.myRequests(accountId);
        boolean hasOpen = mine.stream().anyMatch(request -> request.state().isOpen());
        if (!hasOpen && service.mayRequest(accountId)) {
            Button request = new Button("Request a code", event -> openRequestDialog());
            request.setId("request-code");
            request.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(new Paragraph("Locked out? Ask its Account owners for one code."), request);
        }
        mine.stream().limit(5).forEach(this::show);
        setVisible(getComponentCount() > 0);
    }

    private void show(CodeRequest request) {
        Div row = new Div();
        row.addClassName("code-request");
        row.add(
                RequestDescriptions.badge(request),
                new Span(" Your request of " + RequestDescriptions.WHEN.format(request.createdAt()) + ": "),
                new Span(RequestDescriptions.status(request)));
        if (request.state().isOpen()) {
            if (request.state() == RequestState.APPROVED) {
                Button use = new Button(
                        "Use approved code", event -> RequestIdentity.confirmThen(service, () -> use(request)));
                use.setId("use-approved-code");
                use.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                row.add(use);
            }
            Button cancel = new Button("Cancel request", event -> cancel(request));
            cancel.setId("cancel-request");
            cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            row.add(cancel);
        }
        add(row);
    }

    private void openRequestDialog() {
        RequestCodeDialog[] dialog = new RequestCodeDialog[1];
        dialog[0] = new RequestCodeDialog(accountLabel, reason -> {
            try {
                service.request(accountId, reason);
                dialog[0].close();
                success("Request sent. The Account owners of " + accountLabel + " are told now.");
                refresh();
            } catch (CodeRequestRefusedException e) {
                dialog[0].showError(e.getMessage());
            }
        });
        dialog[0].open();
    }

    private void cancel(CodeRequest request) {
        try {
            service.cancel(request.id());
            success("Request cancelled");
        } catch (CodeRequestRefusedException e) {
            error(e.getMessage());
        }
        refresh();
    }

    /** Runs after the identity check; the service checks again. */
    private void use(CodeRequest request) {
        try {
            HandedOutCode code = service.useApprovedCode(request.id());
            refresh();
            emergency.refresh();
            new ApprovedCodeDialog(accountLabel, code, () -> {}).open();
        } catch (CodeRequestRefusedException | NoUnusedCodesException | CodesChangedException e) {
            error(e.getMessage());
            refresh();
        } catch (RevealHeldException e) {
            error(e.getMessage());
        } catch (CipherException e) {
            error("No code was handed out: " + e.getMessage());
        }
    }

    static void success(String message) {
        Notification.show(message, 5000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    static void error(String message) {
        Notification.show(message, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
