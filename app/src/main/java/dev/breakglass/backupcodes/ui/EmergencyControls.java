package dev.breakglass.backupcodes.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dev.breakglass.backupcodes.BackupCodeService;
import dev.breakglass.backupcodes.CodeSetSummary;
import dev.breakglass.backupcodes.CodesAlreadySavedException;
import dev.breakglass.backupcodes.CodesOverview;
import dev.breakglass.crypto.CipherException;
import dev.breakglass.formats.PasteRejectedException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.UUID;

/**
 * The Emergency controls section of an account: what codes are saved, and for the account's eligible
 * Owners, Add codes or View codes.
 */
public class EmergencyControls extends Details {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(Locale.UK);

    private final BackupCodeService service;
    private final UUID accountId;
    private final String accountLabel;
    private final Paragraph summary = new Paragraph();
    private final HorizontalLayout actions = new HorizontalLayout();

    public EmergencyControls(BackupCodeService service, UUID accountId, String accountLabel) {
        super("Emergency controls");
        this.service = service;
        this.accountId = accountId;
        this.accountLabel = accountLabel;
        setId("emergency-controls");
        addClassName("emergency-controls");
        summary.setId("codes-summary");
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new Paragraph("Backup codes let an Owner into the account when the authenticator is lost."), summary, actions);
        refresh();
    }

    private void refresh() {
        CodesOverview overview = service.overview(accountId);
        actions.removeAll();
        overview.activeSet().ifPresentOrElse(this::describe, () -> summary.setText("No backup codes saved yet."));
        if (!overview.mayKeepCodes()) {
            return;
        }
        if (overview.activeSet().isPresent()) {
            Button view = new Button("View codes", event -> openViewDialog());
            view.setId("view-codes");
            actions.add(view);
        } else {
            Button add = new Button("Add codes", event -> openAddDialog());
            add.setId("add-codes");
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(add);
        }
    }

    private void describe(CodeSetSummary set) {
        summary.setText(set.remaining() + " of " + set.codeCount() + " backup codes left, saved "
                + WHEN.format(set.savedAt().atZoneSameInstant(ZoneId.systemDefault())) + " by " + set.savedByName() + ".");
    }

    private void openAddDialog() {
        AddCodesDialog dialog = new AddCodesDialog(accountLabel, text -> service.preview(accountId, text));
        dialog.addSaveListener(event -> save(dialog, event.pastedText()));
        dialog.open();
    }

    private void save(AddCodesDialog dialog, String pastedText) {
        try {
            CodeSetSummary saved = service.saveCodes(accountId, pastedText);
            dialog.close();
            Notification notification = Notification.show(saved.codeCount() + (saved.codeCount() == 1
                    ? " backup code saved" : " backup codes saved"), 5000, Notification.Position.BOTTOM_START);
            notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
        } catch (PasteRejectedException e) {
            dialog.showError(e.problem().message());
        } catch (CipherException e) {
            dialog.showError("Nothing was saved: " + e.getMessage());
        } catch (CodesAlreadySavedException e) {
            dialog.showError(e.getMessage());
        }
    }

    private void openViewDialog() {
        try {
            new ViewCodesDialog(accountLabel, service.revealCodes(accountId)).open();
        } catch (CipherException e) {
            Notification notification = Notification.show("The codes can't be shown right now: " + e.getMessage());
            notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
