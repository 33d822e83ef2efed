package dev.breakglass.workspace.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import dev.breakglass.security.WorkspaceRole;
import java.util.List;

/** Asks for a new member's e-mail address, name and role, and fires a {@link SaveEvent}; the view saves. */
class AddMemberDialog extends Dialog {

    private final EmailField email = new EmailField("E-mail");
    private final TextField name = new TextField("Name");
    private final Select<WorkspaceRole> role = new Select<>();

    AddMemberDialog(List<WorkspaceRole> roles) {
        setHeaderTitle("Add member");
        email.setId("new-member-email");
        email.setRequiredIndicatorVisible(true);
        name.setId("new-member-name");
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(200);
        role.setId("new-member-role");
        role.setLabel("Role");
        role.setItems(roles);
        role.setItemLabelGenerator(WorkspaceRole::label);
        role.setValue(roles.contains(WorkspaceRole.USER) ? WorkspaceRole.USER : roles.get(roles.size() - 1));
        add(new FormLayout(email, name, role));

        Button save = new Button("Add member", event -> fireEvent(new SaveEvent(this)));
        save.setId("save-member");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", event -> close());
        cancel.setId("cancel-member");
        getFooter().add(cancel, save);
    }

    String email() {
        return email.getValue();
    }

    String name() {
        return name.getValue();
    }

    WorkspaceRole role() {
        return role.getValue();
    }

    void showEmailError(String message) {
        email.setErrorMessage(message);
        email.setInvalid(true);
    }

    void showNameError(String message) {
        name.setErrorMessage(message);
        name.setInvalid(true);
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    /** The admin asked to add the member as entered. */
    static class SaveEvent extends ComponentEvent<AddMemberDialog> {

        SaveEvent(AddMemberDialog source) {
            super(source, false);
        }
    }
}
