package dev.breakglass.backupcodes.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import dev.breakglass.backupcodes.RevealedCodes;

/** Shows an account's codes. Closing it removes them from the page. */
class ViewCodesDialog extends Dialog {

    ViewCodesDialog(String accountLabel, RevealedCodes revealed) {
        setHeaderTitle("View MFA Backup Codes");
        setWidth("min(32rem, 95vw)");
        addClassName("view-codes-dialog");

        Paragraph intro = new Paragraph("Backup codes for " + accountLabel
                + ". Each code works once. Keep them out of chats and tickets.");
        OrderedList list = new OrderedList();
        list.setId("revealed-codes");
        list.addClassName("revealed-codes");
        for (RevealedCodes.Code code : revealed.codes()) {
            ListItem item = new ListItem(code.value());
            item.addClassName("code");
            if (code.usedAt() != null) {
                item.addClassName("used");
            }
            list.add(item);
        }
        add(intro, list);

        Button close = new Button("Close", event -> close());
        close.setId("close-view-codes");
        getFooter().add(close);
        addOpenedChangeListener(event -> {
            if (!event.isOpened()) {
                removeAll();
            }
        });
    }
}
