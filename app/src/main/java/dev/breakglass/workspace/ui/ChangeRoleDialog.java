package dev.breakglass.workspace.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.shared.Registration;
import dev.breakglass.security.WorkspaceRole;
import dev.breakglass.workspace.AccountLabel;
import dev.breakglass.workspace.Member;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Picks another role for a member. When the new role cannot own accounts, it says which accounts would be
 * left without an Owner, before anything changes.
 */
class ChangeRoleDialog extends Dialog {

    private final Select<WorkspaceRole> role = new Select<>();
    private final Paragraph warning = new Paragraph();

    ChangeRoleDialog(Member member, List<WorkspaceRole> roles, List<AccountLabel> onlyOwnedByMember) {
        setHeaderTitle("Change the role of " + member.displayName());
        role.setId("member-role");
        role.setLabel("Role");
        role.setItems(roles);
        role.setItemLabelGenerator(WorkspaceRole::label);
        role.setValue(member.role());
        warning.setId("role-warning");
        role.addValueChangeListener(event -> warning.setText(warningFor(member, event.getValue(), onlyOwnedByMember)));
        warning.setText(warningFor(member, member.role(), onlyOwnedByMember));
        add(role, warning);

        Button save = new Button("Change role", event -> fireEvent(new SaveEvent(this)));
        save.setId("save-role");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", event -> close());
        getFooter().add(cancel, save);
    }

    WorkspaceRole role() {
        return role.getValue();
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    private static String warningFor(Member member, WorkspaceRole role, List<AccountLabel> onlyOwned) {
        if (role == null || role.mayOwnAccounts()) {
            return "";
        }
        String base = role.label() + "s can only be Collaborators: " + member.displayName()
                + "'s Owner access becomes Collaborator access.";
        if (onlyOwned.isEmpty()) {
            return base;
        }
        return base + " These accounts will have no Owner and are listed as orphaned: "
                + onlyOwned.stream().map(AccountLabel::label).collect(Collectors.joining(", ")) + ".";
    }

    /** The admin chose the role to give. */
    static class SaveEvent extends ComponentEvent<ChangeRoleDialog> {

        SaveEvent(ChangeRoleDialog source) {
            super(source, false);
        }
    }
}
