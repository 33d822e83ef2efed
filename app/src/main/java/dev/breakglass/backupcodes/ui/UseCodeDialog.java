package dev.breakglass.backupcodes.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import dev.breakglass.backupcodes.HandedOutCode;

/** Hands over one code, already marked used. Closing it removes the code from the page. */
class UseCodeDialog extends Dialog {

    UseCodeDialog(String accountLabel, HandedOutCode code, Runnable undo) {
        String shown = code.shown();
        setHeaderTitle("Your backup code for " + accountLabel);
        setWidth("min(28rem, 95vw)");
        Div value = new Div(shown);
        value.setId("handed-out-code");
        value.addClassName("handed-out-code");
        Paragraph note = new Paragraph("Code " + code.position() + " is now marked used. "
                + (code.remaining() == 1 ? "1 unused code is left." : code.remaining() + " unused codes are left."));
        add(value, note);

        String accepted = code.value(); // as the app accepts it: no display spaces
        Button copy = new Button("Copy", event -> Clipboard.copy(accepted));
        copy.setId("copy-handed-out-code");
        Button notUsed = new Button("I did not use it", event -> {
            undo.run();
            close();
        });
        notUsed.setId("undo-use");
        Button done = new Button("Done", event -> close());
        done.setId("close-use-code");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(notUsed, copy, done);
        addOpenedChangeListener(event -> {
            if (!event.isOpened()) {
                removeAll();
            }
        });
    }
}
