package dev.breakglass.account.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.shared.Registration;
import dev.breakglass.account.AccountField;
import dev.breakglass.account.AccountForm;
import dev.breakglass.account.AppChoice;
import java.util.List;
import java.util.Map;

/** The Add account dialog; fires a {@link SaveEvent} with what was typed, the view saves. */
class AddAccountDialog extends Dialog {

    private final AccountFields fields;

    AddAccountDialog(List<AppChoice> apps) {
        setHeaderTitle("Add account");
        setId("add-account-dialog");
        fields = new AccountFields(apps);
        add(fields);
        setWidth("min(44rem, 95vw)");
        Button save = new Button("Save account", event -> fireEvent(new SaveEvent(this, fields.form())));
        save.setId("save-account");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", event -> close());
        getFooter().add(cancel, save);
    }

    void showProblems(Map<AccountField, String> problems) {
        fields.showProblems(problems);
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    /** Save account was clicked. */
    static class SaveEvent extends ComponentEvent<AddAccountDialog> {

        private final AccountForm form;

        SaveEvent(AddAccountDialog source, AccountForm form) {
            super(source, false);
            this.form = form;
        }

        AccountForm form() {
            return form;
        }
    }
}
