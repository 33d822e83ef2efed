package dev.breakglass.security.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.breakglass.security.NotFoundException;
import dev.breakglass.security.Passkey;
import dev.breakglass.security.PasskeyRefusedException;
import dev.breakglass.security.PasskeyService;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The Passkeys part of Sign-in security: the member's passkeys (name, when added, when last used), <b>Add a
 * passkey</b> under a name they choose, and Rename and Remove for each. Adding runs the browser's passkey ceremony
 * against Spring Security's endpoints; the rest goes through {@link PasskeyService}, which refuses what is not allowed
 * with a sentence shown here.
 */
public class PasskeysSection extends VerticalLayout {

    static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final BooleanSupplier afterAdding;
    private final PasskeyService passkeys;
    private final Div list = new Div();

    public PasskeysSection(PasskeyService passkeys) {
        this(passkeys, () -> false);
    }

    /**
     * @param afterAdding runs after a passkey was added; answers whether that completed a sign-in that had to set up
     *     a second factor, in which case the app loads afresh with the member's pages
     */
    public PasskeysSection(PasskeyService passkeys, BooleanSupplier afterAdding) {
        this.passkeys = passkeys;
        this.afterAdding = afterAdding;
        setId("passkeys");
        addClassName("passkeys-section");
        setPadding(false);
        list.setId("passkey-list");
        list.setWidthFull();
        Button add = new Button("Add a passkey", event -> openAddDialog());
        add.setId("add-passkey");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(
                new H3("Passkeys"),
                new Paragraph("Sign in with your fingerprint, face, device PIN or security key instead of your"
                        + " password. A passkey also confirms it is you before codes are shown."),
                list,
                add);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        PasskeyScript.load(event.getUI());
    }

    void refresh() {
        list.removeAll();
        List<Passkey> own = passkeys.mine();
        if (own.isEmpty()) {
            Paragraph none = new Paragraph("You have no passkeys yet.");
            none.setId("no-passkeys");
            list.add(none);
        }
        own.forEach(passkey -> list.add(row(passkey)));
    }

    private HorizontalLayout row(Passkey passkey) {
        Span name = new Span(passkey.name());
        name.addClassName("passkey-name");
        name.getStyle().set("font-weight", "600");
        Span when = new Span("Added " + WHEN.format(passkey.created()) + " · "
                + (passkey.lastUsed() == null ? "Never used" : "Last used " + WHEN.format(passkey.lastUsed())));
        when.addClassName("passkey-dates");
        when.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Div text = new Div(name, new Div(when));
        Button rename = new Button("Rename", event -> openRenameDialog(passkey));
        rename.addClassName("rename-passkey");
        rename.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button remove = new Button("Remove", event -> openRemoveDialog(passkey));
        remove.addClassName("remove-passkey");
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        if (!passkeys.mayRemove(passkey.id())) {
            remove.setEnabled(false);
            remove.setTooltipText("Your workspace requires a second factor: add another one before removing this.");
        }
        HorizontalLayout row = new HorizontalLayout(text, rename, remove);
        row.addClassName("passkey");
        row.getElement().setAttribute("data-name", passkey.name());
        row.setAlignItems(Alignment.CENTER);
        row.setWidthFull();
        row.setFlexGrow(1, text);
        return row;
    }

    private void openAddDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Add a passkey");
        dialog.setWidth("min(28rem, 95vw)");
        TextField name = nameField("new-passkey-name", "");
        name.setPlaceholder("Work laptop");
        name.setHelperText("A name that tells you where this passkey lives.");
        Paragraph problem = problem();
        dialog.add(
                new Paragraph("Your browser will ask you to create a passkey, for example with your fingerprint or a"
                        + " security key."),
                name,
                problem);
        // The browser asks for the passkey in the click itself (Safari allows it nowhere else), so the name is checked
        // as it is typed and Add is enabled only for a name that will be accepted; the server checks it again.
        PasskeyButton create = new PasskeyButton("Add");
        create.setEnabled(false);
        name.setValueChangeMode(ValueChangeMode.LAZY);
        name.addValueChangeListener(event -> {
            problem.setVisible(false);
            try {
                passkeys.checkNewName(event.getValue());
                name.setInvalid(false);
                create.setEnabled(true);
            } catch (PasskeyRefusedException e) {
                name.setErrorMessage(e.getMessage());
                name.setInvalid(!event.getValue().isBlank());
                create.setEnabled(false);
            }
        });
        String[] csrf = PasskeyScript.csrf();
        create.bind(
                "registerNamed",
                result -> added(dialog, problem, name.getValue().strip(), result),
                csrf[0],
                csrf[1],
                name.getId().orElseThrow());
        create.setId("create-passkey");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", event -> dialog.close()), create);
        dialog.open();
        name.focus();
    }

    /** The browser's answer after adding a passkey. */
    void added(Dialog dialog, Paragraph problem, String name, PasskeyScript.Result result) {
        if (result.ok()) {
            dialog.close();
            if (afterAdding.getAsBoolean()) {
                getUI().ifPresent(ui -> ui.getPage().setLocation("./"));
            }
            refresh();
            Notification.show("Passkey \"" + name + "\" added. You can now sign in with it.")
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            return;
        }
        problem.setText(
                "rejected".equals(result.outcome())
                        ? "The passkey could not be saved. Try again; if it keeps failing, reload the page."
                        : PasskeyScript.explain(result.outcome(), null));
        problem.setVisible(true);
    }

    private void openRenameDialog(Passkey passkey) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Rename passkey");
        dialog.setWidth("min(28rem, 95vw)");
        TextField name = nameField("passkey-name", passkey.name());
        dialog.add(name);
        Button save = new Button("Save", event -> {
            try {
                passkeys.rename(passkey.id(), name.getValue());
            } catch (PasskeyRefusedException e) {
                name.setErrorMessage(e.getMessage());
                name.setInvalid(true);
                return;
            } catch (NotFoundException e) {
                dialog.close();
                refresh();
                Notification.show("That passkey is gone; the list is up to date now.");
                return;
            }
            dialog.close();
            refresh();
            Notification.show("Passkey renamed.").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
        save.setId("save-passkey-name");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        dialog.getFooter().add(new Button("Cancel", event -> dialog.close()), save);
        dialog.open();
        name.focus();
    }

    private void openRemoveDialog(Passkey passkey) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Remove passkey \"" + passkey.name() + "\"?");
        dialog.setWidth("min(28rem, 95vw)");
        Paragraph problem = problem();
        dialog.add(
                new Paragraph("You will no longer be able to sign in or confirm it is you with this passkey. The"
                        + " passkey stays on its device until you delete it there."),
                problem);
        Button remove = new Button("Remove", event -> {
            try {
                passkeys.remove(passkey.id());
            } catch (PasskeyRefusedException e) {
                problem.setText(e.getMessage());
                problem.setVisible(true);
                return;
            } catch (NotFoundException e) {
                // Removed in another tab already: the outcome is what was asked for.
            }
            dialog.close();
            refresh();
            Notification.show("Passkey \"" + passkey.name() + "\" removed.")
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
        remove.setId("confirm-remove-passkey");
        remove.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button("Cancel", event -> dialog.close()), remove);
        dialog.open();
    }

    private static TextField nameField(String id, String value) {
        TextField name = new TextField("Name");
        name.setId(id);
        name.setValue(value);
        name.setMaxLength(PasskeyService.MAX_NAME_LENGTH);
        name.setWidthFull();
        return name;
    }

    private static Paragraph problem() {
        Paragraph problem = new Paragraph();
        problem.addClassName("passkey-problem");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        problem.setVisible(false);
        return problem;
    }
}
