package dev.breakglass.account.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;
import dev.breakglass.account.AccountRefusedException;
import dev.breakglass.account.AccountService;
import java.util.UUID;

/** Asks for the account's label, typed, before removing it; fires a {@link ConfirmEvent}, the caller removes. */
class RemoveAccountDialog extends Dialog {

    private final TextField confirmation = new TextField("Type the label to confirm");

    RemoveAccountDialog(String label) {
        setHeaderTitle("Remove " + label + "?");
        setId("remove-account-dialog");
        confirmation.setId("remove-account-label");
        confirmation.setPlaceholder(label);
        confirmation.setWidthFull();
        confirmation.setValueChangeMode(ValueChangeMode.EAGER);
        add(
                new Paragraph(
                        "The account leaves every list and its saved backup codes are destroyed: nobody can view them "
                                + "again. Its history and audit trail stay, and its other Owners are told."),
                confirmation);
        setWidth("min(32rem, 95vw)");
        Button confirm =
                new Button("Remove account", event -> fireEvent(new ConfirmEvent(this, confirmation.getValue())));
        confirm.setId("confirm-remove-account");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.setEnabled(false);
        confirmation.addValueChangeListener(
                event -> confirm.setEnabled(label.equals(event.getValue().strip())));
        getFooter().add(new Button("Cancel", event -> close()), confirm);
    }

    /**
     * Opens the dialog for one account: on confirmation the service removes it (checking the typed label and the
     * caller's rights itself); a refusal stays in the dialog, a success closes it, says so and runs {@code afterwards}.
     */
    static void open(AccountService accounts, UUID accountId, String label, Runnable afterwards) {
        RemoveAccountDialog dialog = new RemoveAccountDialog(label);
        dialog.addConfirmListener(event -> {
            try {
                accounts.removeAccount(accountId, event.typedLabel());
            } catch (AccountRefusedException e) {
                dialog.showError(e.getMessage());
                return;
            }
            dialog.close();
            Notification.show(label + " removed.", 5000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            afterwards.run();
        });
        dialog.open();
    }

    void showError(String message) {
        confirmation.setErrorMessage(message);
        confirmation.setInvalid(true);
    }

    Registration addConfirmListener(ComponentEventListener<ConfirmEvent> listener) {
        return addListener(ConfirmEvent.class, listener);
    }

    /** Remove account was clicked with the label typed. */
    static class ConfirmEvent extends ComponentEvent<RemoveAccountDialog> {

        private final String typedLabel;

        ConfirmEvent(RemoveAccountDialog source, String typedLabel) {
            super(source, false);
            this.typedLabel = typedLabel;
        }

        String typedLabel() {
            return typedLabel;
        }
    }
}
