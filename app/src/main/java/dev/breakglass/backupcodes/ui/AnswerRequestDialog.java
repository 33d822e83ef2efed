package dev.breakglass.backupcodes.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import dev.breakglass.backupcodes.CodeRequest;
import dev.breakglass.backupcodes.CodeRequestService;
import java.util.function.Consumer;

/** One request as an Owner opens it: who asks, why, and Approve or Deny with an optional note. */
class AnswerRequestDialog extends Dialog {

    private final TextArea note = new TextArea("Note (optional)");

    AnswerRequestDialog(CodeRequest request, Consumer<String> approve, Consumer<String> deny) {
        setHeaderTitle("Request from " + request.requesterName());
        setWidth("min(32rem, 95vw)");
        Paragraph reason = new Paragraph(request.reason());
        reason.setId("request-reason-shown");
        reason.addClassName("request-reason");
        note.setId("answer-note");
        note.setWidthFull();
        note.setMaxLength(CodeRequestService.MAX_TEXT);
        note.setHelperText("The requester sees it.");
        add(
                new Paragraph("Asked " + RequestDescriptions.WHEN.format(request.createdAt()) + ". "
                        + RequestDescriptions.status(request)),
                reason,
                new Paragraph("Approving lets " + request.requesterName()
                        + " take one code, once: the next unused one. They never see the others."),
                note);
        Button cancel = new Button("Cancel", event -> close());
        Button denyButton = new Button("Deny", event -> deny.accept(note.getValue()));
        denyButton.setId("deny-request");
        denyButton.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button approveButton = new Button("Approve", event -> approve.accept(note.getValue()));
        approveButton.setId("approve-request");
        approveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, denyButton, approveButton);
    }

    void showError(String message) {
        note.setErrorMessage(message);
        note.setInvalid(true);
    }
}
