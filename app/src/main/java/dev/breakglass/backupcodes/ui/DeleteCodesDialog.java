package dev.breakglass.backupcodes.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/** Asks before the saved codes are destroyed. */
class DeleteCodesDialog extends Dialog {

    DeleteCodesDialog(String accountLabel, int codeCount, Runnable onDelete) {
        setHeaderTitle("Delete the backup codes?");
        add(new Paragraph("The " + codeCount + " saved codes for " + accountLabel + " will be destroyed and cannot be "
                + "shown again. The history keeps when they were saved and deleted, and by whom."));
        Button cancel = new Button("Cancel", event -> close());
        cancel.setId("cancel-delete-codes");
        cancel.addClassName("dialog-cancel");
        // Destructive: the dialog opens with the focus on Cancel (scripts/focus.js).
        getElement().setAttribute("data-focus-cancel", true);
        Button delete = new Button("Delete codes", event -> {
            close();
            onDelete.run();
        });
        delete.setId("confirm-delete-codes");
        delete.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        getFooter().add(cancel, delete);
    }
}
