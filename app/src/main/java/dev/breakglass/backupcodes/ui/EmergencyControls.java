package dev.breakglass.backupcodes.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dev.breakglass.backupcodes.BackupCodeService;
import dev.breakglass.backupcodes.CodeSetSummary;
import dev.breakglass.backupcodes.CodesAlreadySavedException;
import dev.breakglass.backupcodes.CodesChangedException;
import dev.breakglass.backupcodes.CodesOverview;
import dev.breakglass.backupcodes.CodesWatch;
import dev.breakglass.backupcodes.Mismatch;
import dev.breakglass.backupcodes.NoUnusedCodesException;
import dev.breakglass.backupcodes.PasteMismatchException;
import dev.breakglass.backupcodes.RevealedCodes;
import dev.breakglass.crypto.CipherException;
import dev.breakglass.formats.PasteRejectedException;
import dev.breakglass.security.IdentityConfirmation;
import dev.breakglass.security.IdentityConfirmationRequiredException;
import dev.breakglass.security.NotFoundException;
import dev.breakglass.security.RevealHeldException;
import dev.breakglass.security.ui.ConfirmIdentityDialog;
import dev.breakglass.security.ui.PushedUpdate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The Emergency controls section of an account: what codes are saved and their history; for the account's
 * eligible Owners, the actions on them. Every action goes through {@link BackupCodeService}, which checks
 * permissions itself.
 */
public class EmergencyControls extends Details {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'");

    private final BackupCodeService service;
    private final CodesWatch watch;
    private final IdentityConfirmation identity;
    private final UUID accountId;
    private final String accountLabel;
    private final Paragraph summary = new Paragraph();
    private final Div warning = new Div();
    private final HorizontalLayout actions = new HorizontalLayout();
    private final Div history = new Div();
    private CodesOverview shown;
    private AutoCloseable watching;

    public EmergencyControls(
            BackupCodeService service,
            CodesWatch watch,
            IdentityConfirmation identity,
            UUID accountId,
            String accountLabel) {
        super("Emergency controls");
        this.service = service;
        this.watch = watch;
        this.identity = identity;
        this.accountId = accountId;
        this.accountLabel = accountLabel;
        setId("emergency-controls");
        addClassName("emergency-controls");
        summary.setId("codes-summary");
        warning.setId("low-codes-warning");
        warning.addClassName("low-codes-warning");
        actions.setWrap(true);
        add(
                new Paragraph("Backup codes let an Account owner into the account when the authenticator is lost."),
                summary,
                warning,
                actions,
                history);
        refresh();
        // Another Owner's change shows here at once (server push), whichever instance it ran on.
        addAttachListener(event -> {
            UI ui = event.getUI();
            watching = watch.watch(accountId, () -> PushedUpdate.run(ui, this::refreshIfChanged));
        });
        addDetachListener(event -> stopWatching());
    }

    private void stopWatching() {
        if (watching != null) {
            try {
                watching.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            watching = null;
        }
    }

    /**
     * A pushed change: shown only when the codes look different from what this page shows, so that this member's
     * own change (already shown) does not rebuild the buttons under their keyboard focus.
     */
    void refreshIfChanged() {
        try {
            CodesOverview now = service.overview(accountId);
            if (!now.equals(shown)) {
                show(now);
            }
        } catch (NotFoundException e) {
            // The account was removed or shared away meanwhile: its page says so at the next action or reload.
            actions.removeAll();
            summary.setText("These codes changed and can't be shown here any more. Reload the page.");
        }
    }

    void refresh() {
        show(service.overview(accountId));
    }

    private void show(CodesOverview overview) {
        shown = overview;
        actions.removeAll();
        warning.setVisible(false);
        overview.activeSet()
                .ifPresentOrElse(set -> describe(set, overview), () -> summary.setText("No backup codes saved yet."));
        history.removeAll();
        history.add(new CodeHistoryList(service.history(accountId)));
        if (!overview.mayKeepCodes()) {
            return;
        }
        overview.activeSet()
                .ifPresentOrElse(
                        set -> actions.add(
                                button("View codes", "view-codes", () -> withIdentity(this::openViewDialog)),
                                button("Use next code", "use-next-code", () -> withIdentity(this::useNextCode)),
                                button("Replace codes", "replace-codes", () -> openAddDialog(set)),
                                button(
                                        "Delete codes",
                                        "delete-codes",
                                        () -> new DeleteCodesDialog(
                                                        accountLabel, set.codeCount(), () -> delete(set.setId()))
                                                .open())),
                        () -> {
                            Button add = button("Add codes", "add-codes", () -> openAddDialog(null));
                            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                            actions.add(add);
                        });
    }

    private void describe(CodeSetSummary set, CodesOverview overview) {
        String saved = "saved " + WHEN.format(set.savedAt()) + " by " + set.savedByName() + ".";
        if (set.codeCount() == 1) { // a one-code app's recovery code: nothing is "left" of it
            summary.setText(
                    set.remaining() == 1 ? "1 recovery code " + saved : "The recovery code is used; it was " + saved);
        } else {
            summary.setText(set.remaining() + " of " + set.codeCount() + " backup codes left, " + saved);
        }
        if (overview.lowOnCodes()) {
            warning.setText(
                    set.remaining() == 0
                            ? "Every code is used. Generate new backup codes in the app now and replace these."
                            : "Only " + set.remaining()
                                    + (set.remaining() == 1 ? " unused code is" : " unused codes are")
                                    + " left. Generate new backup codes in the app and replace these.");
            overview.newCodesPage().ifPresent(page -> {
                Anchor link = new Anchor(page, "Open the app's backup code page");
                link.setId("new-codes-page");
                link.setTarget(AnchorTarget.BLANK);
                link.getElement().setAttribute("rel", "noopener noreferrer");
                warning.add(new Span(" "), link);
            });
            warning.setVisible(true);
        }
    }

    /** Runs an action that shows codes; asks to confirm it is you first when the service wants it. */
    private void withIdentity(Runnable action) {
        try {
            action.run();
        } catch (IdentityConfirmationRequiredException e) {
            new ConfirmIdentityDialog(identity, action).open();
        }
    }

    private void openViewDialog() {
        try {
            RevealedCodes revealed = service.revealCodes(accountId);
            ViewCodesDialog dialog = new ViewCodesDialog(
                    accountLabel, revealed, (position, used) -> markCode(revealed.setId(), position, used));
            dialog.addOpenedChangeListener(event -> {
                refresh();
                if (!event.isOpened()) {
                    focusAction("view-codes"); // the button that opened the dialog was rebuilt by the refresh
                }
            });
            dialog.open();
        } catch (RevealHeldException e) {
            error(e.getMessage());
        } catch (CipherException e) {
            error("The codes can't be shown right now: " + e.getMessage());
        }
    }

    private void useNextCode() {
        try {
            var code = service.useNextCode(accountId);
            refresh();
            UseCodeDialog dialog = new UseCodeDialog(accountLabel, code, () -> {
                markCode(code.setId(), code.position(), false);
                refresh();
            });
            dialog.addOpenedChangeListener(event -> {
                if (!event.isOpened()) {
                    focusAction("use-next-code");
                }
            });
            dialog.open();
        } catch (NoUnusedCodesException | CodesChangedException | RevealHeldException e) {
            error(e.getMessage());
        } catch (CipherException e) {
            error("No code was handed out: " + e.getMessage());
        }
    }

    /** Marks a code of the set the user was shown; when that set was replaced or deleted meanwhile, says so. */
    private boolean markCode(UUID setId, int position, boolean used) {
        try {
            return service.markCode(accountId, setId, position, used);
        } catch (CodesChangedException e) {
            error(e.getMessage());
            refresh();
            return false;
        }
    }

    private void openAddDialog(CodeSetSummary replacing) {
        AddCodesDialog dialog =
                new AddCodesDialog(accountLabel, text -> service.preview(accountId, text), replacing != null);
        if (replacing != null) {
            dialog.replacing(replacing.codeCount(), replacing.remaining());
        }
        SaveTarget target = new SaveTarget(replacing == null ? null : replacing.setId());
        dialog.addSaveListener(event -> save(dialog, target, event.pastedText(), event.mismatch()));
        dialog.open();
    }

    /** Saves what the dialog holds; the dialog stays open with the text on any refusal. */
    private void save(AddCodesDialog dialog, SaveTarget target, String text, Mismatch mismatch) {
        try {
            CodeSetSummary saved = target.save(text, mismatch);
            dialog.close();
            success(target.savedMessage(saved));
            refresh();
            focusFirstAction();
        } catch (IdentityConfirmationRequiredException e) {
            // Replacing destroys the codes in use: confirm it is you, then save what was typed, as it was typed.
            new ConfirmIdentityDialog(identity, () -> save(dialog, target, text, mismatch)).open();
        } catch (PasteRejectedException e) {
            dialog.showError(e.problem().message());
        } catch (PasteMismatchException e) {
            dialog.askToConfirmMismatch(e.getMessage(), target.replaces());
        } catch (CipherException e) {
            dialog.showError("Nothing was saved: " + e.getMessage());
        } catch (CodesAlreadySavedException | CodesChangedException e) {
            // Another Owner got there first: say so, keep the text, and let a second click act on what is saved
            // now.
            target.aimAtWhatIsSavedNow();
            dialog.forgetMismatchConfirmation(); // it was given for other codes than the ones saved now
            dialog.showError(e.getMessage()
                    + (target.replaces() ? " Save again to replace the codes saved now with yours." : ""));
            refresh();
        }
    }

    /**
     * What Save Codes does in an open Add or Replace dialog: save a first set, or replace the set the user saw. When
     * another Owner changed the codes meanwhile, the next click acts on what is saved now, and the success message
     * says what really happened.
     */
    private final class SaveTarget {

        private UUID replacing;

        SaveTarget(UUID replacing) {
            this.replacing = replacing;
        }

        CodeSetSummary save(String text, Mismatch mismatch) {
            return replacing == null
                    ? service.saveCodes(accountId, text, mismatch)
                    : service.replaceCodes(accountId, replacing, text, mismatch);
        }

        void aimAtWhatIsSavedNow() {
            replacing = service.overview(accountId)
                    .activeSet()
                    .map(CodeSetSummary::setId)
                    .orElse(null);
        }

        boolean replaces() {
            return replacing != null;
        }

        String savedMessage(CodeSetSummary saved) {
            return saved.codeCount()
                    + (saved.codeCount() == 1 ? " backup code " : " backup codes ")
                    + (replacing == null ? "saved" : "saved; the old codes are destroyed");
        }
    }

    private void delete(UUID setId) {
        try {
            service.deleteCodes(accountId, setId);
            success("Backup codes deleted");
        } catch (IdentityConfirmationRequiredException e) {
            new ConfirmIdentityDialog(identity, () -> delete(setId)).open();
            return;
        } catch (CodesChangedException e) {
            error(e.getMessage());
        }
        refresh();
        focusFirstAction();
    }

    /** Focuses an action by its id, when it is still offered; else the first action. */
    private void focusAction(String id) {
        actions.getChildren()
                .filter(Button.class::isInstance)
                .map(Button.class::cast)
                .filter(button -> button.getId().filter(id::equals).isPresent())
                .findFirst()
                .ifPresentOrElse(Button::focus, this::focusFirstAction);
    }

    /** The button that opened the dialog was replaced by the refresh: the keyboard goes on from the first action. */
    private void focusFirstAction() {
        actions.getChildren()
                .filter(Button.class::isInstance)
                .map(Button.class::cast)
                .findFirst()
                .ifPresent(Button::focus);
    }

    private static Button button(String text, String id, Runnable action) {
        Button button = new Button(text, event -> action.run());
        button.setId(id);
        return button;
    }

    private static void success(String message) {
        Notification.show(message, 5000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private static void error(String message) {
        Notification.show(message, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
