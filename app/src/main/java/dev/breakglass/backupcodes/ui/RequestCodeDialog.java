package dev.breakglass.backupcodes.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.breakglass.backupcodes.CodeRequestService;
import java.util.function.Consumer;

/** Asks a Collaborator why they need a code; sending creates the request. What they typed stays after an error. */
class RequestCodeDialog extends Dialog {

    private final TextArea reason = new TextArea("Reason");

    RequestCodeDialog(String accountLabel, Consumer<String> send) {
        setHeaderTitle("Request a code for " + accountLabel);
        setWidth("min(30rem, 95vw)");
        reason.setId("request-reason");
        reason.setWidthFull();
        reason.setRequired(true);
        reason.setMaxLength(CodeRequestService.MAX_TEXT);
        reason.setValueChangeMode(ValueChangeMode.EAGER);
        reason.setHelperText("The account's Owners see it. At most " + CodeRequestService.MAX_TEXT + " characters.");
        add(
                new Paragraph("The account's Owners are told at once. Once one approves, you can take one code,"
                        + " once, with Use approved code."),
                reason);
        Button cancel = new Button("Cancel", event -> close());
        cancel.setId("close-request-dialog");
        Button sendButton = new Button("Send request", event -> send.accept(reason.getValue()));
        sendButton.setId("send-request");
        sendButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, sendButton);
        addOpenedChangeListener(event -> reason.focus());
    }

    void showError(String message) {
        reason.setErrorMessage(message);
        reason.setInvalid(true);
    }
}
