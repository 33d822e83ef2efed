package dev.breakglass.backupcodes.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import dev.breakglass.backupcodes.RevealedCodes;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.BiPredicate;

/** Shows an account's codes. Closing it, or a minute without activity, removes them from the page. */
class ViewCodesDialog extends Dialog {

    private final BiPredicate<Integer, Boolean> mark;
    private final CodeList list;
    private RevealedCodes revealed;

    /** @param mark marks a code used or unused; answers whether it changed */
    ViewCodesDialog(String accountLabel, RevealedCodes revealed, BiPredicate<Integer, Boolean> mark) {
        this.revealed = revealed;
        this.mark = mark;
        setHeaderTitle("View MFA Backup Codes");
        setWidth("min(36rem, 95vw)");
        addClassName("view-codes-dialog");

        Paragraph intro = new Paragraph("Backup codes for " + accountLabel
                + ". Each code works once: mark it used when you use it. Keep them out of chats and tickets.");
        list = new CodeList(revealed, this::markCode, this::close);
        add(intro, list);

        Button close = new Button("Close", event -> close());
        close.setId("close-view-codes");
        getFooter().add(close);
        addOpenedChangeListener(event -> {
            if (!event.isOpened()) {
                removeAll();
                this.revealed = null;
            }
        });
    }

    /** Marks a code as asked; a code already in that state stays as it is (a repeated request changes nothing). */
    private void markCode(int position, boolean used) {
        if (revealed == null || !mark.test(position, used)) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        revealed = new RevealedCodes(
                revealed.setId(),
                revealed.codes().stream()
                        .map(code -> code.position() != position ? code : code.marked(used, now, revealed.viewerName()))
                        .toList(),
                revealed.viewerName());
        revealed.codes().stream()
                .filter(code -> code.position() == position)
                .findFirst()
                .ifPresent(list::show);
    }
}
