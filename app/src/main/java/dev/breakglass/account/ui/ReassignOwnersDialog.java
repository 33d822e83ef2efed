package dev.breakglass.account.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.shared.Registration;
import dev.breakglass.account.AccountOwnership;
import dev.breakglass.account.AllAccountsService;
import dev.breakglass.account.Person;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Picks the Owners of an account for all-access; fires a {@link SaveEvent}, the view saves. */
class ReassignOwnersDialog extends Dialog {

    private final MultiSelectComboBox<Person> owners = new MultiSelectComboBox<>("Owners");

    ReassignOwnersDialog(AllAccountsService service, AccountOwnership account) {
        setHeaderTitle("Owners of " + account.label());
        owners.setId("owners");
        owners.setItemLabelGenerator(Person::caption);
        owners.setItems(query ->
                service.ownerCandidates(query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream());
        owners.setValue(Set.copyOf(service.owners(account.id())));
        owners.setWidthFull();
        add(
                new Paragraph(
                        "Owners keep the account's backup codes. Former Owners you leave out stay as Collaborators. "
                                + "Guests and Login-only users cannot be Owners. This change is recorded in the audit log; it shows no code."),
                owners);
        setWidth("min(36rem, 95vw)");
        Button save = new Button("Save Owners", event -> fireEvent(new SaveEvent(this)));
        save.setId("save-owners");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", event -> close());
        getFooter().add(cancel, save);
    }

    Set<UUID> ownerIds() {
        return owners.getValue().stream().map(Person::userId).collect(Collectors.toSet());
    }

    void showError(String message) {
        owners.setErrorMessage(message);
        owners.setInvalid(true);
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    /** The Owners were chosen. */
    static class SaveEvent extends ComponentEvent<ReassignOwnersDialog> {

        SaveEvent(ReassignOwnersDialog source) {
            super(source, false);
        }
    }
}
