package dev.breakglass.backupcodes.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import dev.breakglass.backupcodes.HandedOutCode;

/** Hands the requester the one code their approval allows, already marked used. Closing it removes the code. */
class ApprovedCodeDialog extends Dialog {

    ApprovedCodeDialog(String accountLabel, HandedOutCode code, Runnable onClose) {
        setHeaderTitle("Your backup code for " + accountLabel);
        setWidth("min(28rem, 95vw)");
        Div value = new Div(code.shown());
        value.setId("approved-code");
        value.addClassName("handed-out-code");
        add(
                value,
                new Paragraph("It is marked used by you, and your approval is used up. Sign in to the account with it"
                        + " now; if you need another code, request again."));
        String accepted = code.value();
        Button copy = new Button("Copy", event -> Clipboard.copy(accepted));
        copy.setId("copy-approved-code");
        Button done = new Button("Done", event -> close());
        done.setId("close-approved-code");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(copy, done);
        addOpenedChangeListener(event -> {
            if (!event.isOpened()) {
                removeAll();
                onClose.run();
            }
        });
    }
}
