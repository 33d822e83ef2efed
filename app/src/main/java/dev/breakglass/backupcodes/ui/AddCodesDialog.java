package dev.breakglass.backupcodes.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;
import dev.breakglass.backupcodes.Mismatch;
import dev.breakglass.backupcodes.PastePreview;
import java.util.function.Function;

/**
 * Takes the codes exactly as the app showed them, says live what it understood, and fires a
 * {@link SaveEvent}. The text stays in the field until the codes are saved.
 */
class AddCodesDialog extends Dialog {

    private static final int MAX_UNREADABLE_SHOWN = 5;

    private final TextArea codes = new TextArea("MFA Backup Codes");
    private final Span found = new Span();
    private final Span notice = new Span();
    private final Div appGuidance = new Div();
    private final Div unreadable = new Div();
    private final Div mismatch = new Div();
    private final Div problem = new Div();
    private final Div replaceSummary = new Div();
    /** The saved set this dialog replaces (its size and unused codes); null when adding a first set. */
    private int[] replacedSet;

    private final Button save;
    private final String saveLabel;
    private final Function<String, PastePreview> previewer;
    /** The text the user confirmed to save although it does not look like the app's codes; null until then. */
    private String acceptedMismatch;

    AddCodesDialog(String accountLabel, Function<String, PastePreview> previewer) {
        this(accountLabel, previewer, false);
    }

    /** @param replacing whether the codes replace a saved set (the dialog says so) */
    AddCodesDialog(String accountLabel, Function<String, PastePreview> previewer, boolean replacing) {
        this.previewer = previewer;
        setHeaderTitle(replacing ? "Replace MFA Backup Codes" : "Add MFA Backup Codes");
        setWidth("min(40rem, 95vw)");
        addClassName("add-codes-dialog");

        Paragraph intro = new Paragraph((replacing ? "Paste the NEW backup codes for " : "Paste the backup codes for ")
                + accountLabel
                + " exactly as the app showed or downloaded them. Headers, numbering and spacing are fine."
                + (replacing ? " The codes saved now will be destroyed." : ""));
        codes.setId("backup-codes-input");
        codes.setWidthFull();
        codes.setMinHeight("12rem");
        codes.setMaxHeight("24rem"); // a long paste scrolls inside the field instead of pushing the buttons away
        // The browser stops at twice the 64 KiB the server accepts: room for the server to say "too large" in a
        // sentence, without letting a page send megabytes.
        codes.setMaxLength(2 * 64 * 1024);
        codes.setPlaceholder("Paste or type the codes here");
        codes.setValueChangeMode(ValueChangeMode.LAZY);
        codes.setValueChangeTimeout(250);
        codes.addValueChangeListener(event -> showPreview());
        codes.addClassName("codes-input");

        found.setId("codes-found");
        found.getElement().setAttribute("aria-live", "polite");
        notice.setId("format-notice");
        notice.addClassName("format-notice");
        notice.getElement().setAttribute("aria-live", "polite");
        appGuidance.setId("app-guidance");
        unreadable.setId("unreadable-lines");
        unreadable.addClassName("unreadable-lines");
        unreadable.getElement().setAttribute("aria-live", "polite");
        mismatch.setId("paste-mismatch");
        mismatch.addClassName("paste-mismatch");
        mismatch.getElement().setAttribute("role", "alert");

        problem.setId("paste-problem");
        problem.addClassName("paste-problem");
        problem.getElement().setAttribute("role", "alert");
        problem.setVisible(false);
        // What was understood, and what is wrong, sits above the field: a long paste must not push it out of sight.
        replaceSummary.setId("replace-summary");
        replaceSummary.addClassName("replace-summary");
        replaceSummary.setVisible(false);
        Div status = new Div(replaceSummary, found, problem, mismatch, notice);
        status.setId("paste-status");
        status.addClassName("paste-status");

        add(intro, appGuidance, status, codes, unreadable);

        Button cancel = new Button("Cancel", event -> close());
        cancel.setId("cancel-add-codes");
        cancel.addClassName("dialog-cancel");
        saveLabel = replacing ? "Replace Codes" : "Save Codes";
        save = new Button(
                saveLabel,
                event -> fireEvent(new SaveEvent(
                        this,
                        codes.getValue(),
                        codes.getValue().equals(acceptedMismatch) ? Mismatch.ACCEPTED : Mismatch.REFUSED)));
        save.setId(replacing ? "replace-codes-save" : "save-codes");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (replacing) {
            // Replacing destroys the codes in use: it looks dangerous and opens on Cancel (scripts/focus.js).
            save.addThemeVariants(ButtonVariant.LUMO_ERROR);
            getElement().setAttribute("data-focus-cancel", true);
        } else {
            addOpenedChangeListener(event -> {
                if (event.isOpened()) {
                    codes.focus();
                }
            });
        }
        getFooter().add(cancel, save);
        showPreview();
    }

    /**
     * Says, in the danger style, what Replace destroys: "Replace 14 unused codes with 16 new ones", with the old set's
     * state, following the paste as it changes.
     */
    void replacing(int savedCount, int unusedNow) {
        replacedSet = new int[] {savedCount, unusedNow};
        showPreview();
    }

    private void showReplaceSummary(int newCount) {
        if (replacedSet == null) {
            return;
        }
        int saved = replacedSet[0];
        int unused = replacedSet[1];
        String old = unused == 0
                ? "Replace the " + saved + (saved == 1 ? " used code" : " used codes")
                : "Replace " + unused + " unused " + (unused == 1 ? "code" : "codes")
                        + (unused < saved ? " (" + (saved - unused) + " of " + saved + " used)" : "");
        replaceSummary.setText(old + " with "
                + (newCount > 0 ? newCount + " new " + (newCount == 1 ? "one" : "ones") : "the new codes you paste")
                + ". The codes saved now are destroyed.");
        replaceSummary.setVisible(true);
    }

    /** Shows why saving failed; the pasted text stays as it was. */
    void showError(String message) {
        codes.setErrorMessage(message);
        codes.setInvalid(true);
        problem.setText(message);
        problem.setVisible(true);
    }

    /**
     * The paste does not look like the app's codes and nothing was saved: says how it differs and turns the save
     * button into "Save anyway" (or "Replace anyway"), so that only a second, explicit click saves this text.
     *
     * @param replaces whether saving would destroy the codes saved now
     */
    void askToConfirmMismatch(String difference, boolean replaces) {
        acceptedMismatch = codes.getValue();
        mismatch.setText(difference
                + (replaces
                        ? " Nothing was changed. If these are the right codes, click Replace anyway: the codes saved now will be destroyed."
                        : " Nothing was saved. If these are the right codes, click Save anyway."));
        mismatch.setVisible(true);
        save.setText(replaces ? "Replace anyway" : "Save anyway");
    }

    /** What the user confirmed no longer holds (the codes it would replace changed): the next click asks again. */
    void forgetMismatchConfirmation() {
        acceptedMismatch = null;
        save.setText(saveLabel);
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    private void showPreview() {
        codes.setInvalid(false);
        problem.setVisible(false);
        unreadable.removeAll();
        PastePreview preview = previewer.apply(codes.getValue());
        showAppGuidance(preview);
        notice.setText(preview.notice().orElse(""));
        if (!codes.getValue().equals(acceptedMismatch)) {
            forgetMismatchConfirmation();
        }
        mismatch.setText(preview.mismatch().orElse(""));
        mismatch.setVisible(preview.mismatch().isPresent() && !codes.getValue().isBlank());
        showReplaceSummary(codes.getValue().isBlank() || preview.problem().isPresent() ? 0 : preview.codeCount());
        if (codes.getValue().isBlank()) {
            found.setText("No codes yet.");
            return;
        }
        if (preview.problem().isPresent()) {
            found.setText(preview.problem().get().message());
            return;
        }
        found.setText(inPlainWords(preview));
        if (!preview.unreadableLines().isEmpty()) {
            UnorderedList lines = new UnorderedList();
            preview.unreadableLines().stream()
                    .limit(MAX_UNREADABLE_SHOWN)
                    .forEach(line -> lines.add(new ListItem(line)));
            int more = preview.unreadableLines().size() - MAX_UNREADABLE_SHOWN;
            unreadable.add(
                    new Span(
                            preview.unreadableLines().size() == 1
                                    ? "Ignored, as it holds no code:"
                                    : "Ignored, as they hold no code:"),
                    lines);
            if (more > 0) {
                unreadable.add(new Span("and " + more + " more."));
            }
        }
    }

    /** "10 Google codes, 2 other lines ignored.": what was read, by whose format, and what was left out. */
    static String inPlainWords(PastePreview preview) {
        int count = preview.codeCount();
        String codes = count + " " + (preview.formatName() == null ? "" : preview.formatName() + " ")
                + (count == 1 ? "code" : "codes");
        int ignored = preview.unreadableLines().size();
        return codes
                + (ignored == 0 ? "" : ", " + ignored + " other " + (ignored == 1 ? "line" : "lines") + " ignored")
                + ".";
    }

    /** Where the app keeps its codes, or that it has none: the user may be pasting the wrong thing. */
    private void showAppGuidance(PastePreview preview) {
        appGuidance.removeAll();
        if (!preview.appHasCodes()) {
            Paragraph none = new Paragraph(preview.appName()
                    + " has no backup codes: it recovers accounts another way. " + "Codes typed here are still saved.");
            none.setId("app-has-no-codes");
            appGuidance.add(none);
        }
        preview.settingsPage().ifPresent(page -> {
            Anchor link = new Anchor(
                    page,
                    preview.appHasCodes()
                            ? "Open " + possessive(preview.appName()) + " backup codes page"
                            : "Open " + possessive(preview.appName()) + " MFA settings");
            link.setId("app-settings-link");
            link.setTarget(AnchorTarget.BLANK);
            link.getElement().setAttribute("rel", "noopener noreferrer");
            appGuidance.add(link);
        });
    }

    /** "GitHub's", but "Amazon Web Services'": a name that ends in a plural s takes the apostrophe alone. */
    static String possessive(String name) {
        return name.endsWith("s") ? name + "'" : name + "'s";
    }

    /** The user asked to save what they pasted. */
    static final class SaveEvent extends ComponentEvent<AddCodesDialog> {

        private final String pastedText;
        private final Mismatch mismatch;

        SaveEvent(AddCodesDialog source, String pastedText, Mismatch mismatch) {
            super(source, false);
            this.pastedText = pastedText;
            this.mismatch = mismatch;
        }

        String pastedText() {
            return pastedText;
        }

        /** Whether the user confirmed saving this text although it does not look like the app's codes. */
        Mismatch mismatch() {
            return mismatch;
        }
    }
}
