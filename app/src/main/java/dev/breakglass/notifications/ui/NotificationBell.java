package dev.breakglass.notifications.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import dev.breakglass.notifications.Notice;
import dev.breakglass.notifications.NotificationCenter;
import dev.breakglass.security.ui.PushedUpdate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A bell with the number of unread notifications; opening it lists them and marks them read. The count follows new
 * notifications live, by server push, whichever instance the action that caused them ran on.
 */
public class NotificationBell extends Div {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM, HH:mm 'UTC'");

    private final NotificationCenter center;
    private final Button bell = new Button(VaadinIcon.BELL_O.create());
    private final Span count = new Span();
    private AutoCloseable watching;

    public NotificationBell(NotificationCenter center) {
        this.center = center;
        addClassName("notification-bell");
        bell.setId("notification-bell");
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        bell.addClickListener(event -> open());
        count.setId("unread-count");
        count.getElement().getThemeList().add("badge error pill small");
        add(bell, count);
        addAttachListener(event -> {
            refresh();
            UI ui = event.getUI();
            watching = center.watchMine(() -> PushedUpdate.run(ui, this::refresh));
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

    private void refresh() {
        int unread = center.unreadCount();
        count.setText(String.valueOf(unread));
        count.setVisible(unread > 0);
        bell.getElement().setAttribute("aria-label", unread == 0 ? "Notifications" : unread + " unread notifications");
    }

    /** Repeats in a row (the same message about the same account) become one entry: newest first, as listed. */
    static List<List<Notice>> grouped(List<Notice> notices) {
        List<List<Notice>> groups = new ArrayList<>();
        for (Notice notice : notices) {
            List<Notice> last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            if (last != null
                    && last.get(0).message().equals(notice.message())
                    && Objects.equals(last.get(0).accountId(), notice.accountId())) {
                last.add(notice);
            } else {
                groups.add(new ArrayList<>(List.of(notice)));
            }
        }
        return groups;
    }

    /** One entry: a link to its account when it is about one, with how many times it happened and when last. */
    private static ListItem item(List<Notice> repeats, Dialog dialog) {
        Notice newest = repeats.get(0);
        String when = (repeats.size() > 1 ? " (" + repeats.size() + " times, last " : " (")
                + WHEN.format(newest.createdAt()) + ")";
        ListItem item = new ListItem();
        if (newest.accountId() != null) {
            Anchor link = new Anchor("accounts/" + newest.accountId(), newest.message());
            link.addClassName("notification-link");
            // Following the link leaves the list behind.
            link.getElement().addEventListener("click", event -> dialog.close());
            item.add(link);
        } else {
            item.add(new Span(newest.message()));
        }
        Span time = new Span(when);
        time.addClassName("notification-time");
        item.add(time);
        if (repeats.stream().anyMatch(notice -> !notice.read())) {
            item.addClassName("unread");
        }
        return item;
    }

    private void open() {
        List<Notice> notices = center.recent();
        center.markAllRead();
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Notifications");
        dialog.setWidth("min(30rem, 95vw)");
        if (notices.isEmpty()) {
            dialog.add(new Paragraph("Nothing new."));
        } else {
            UnorderedList list = new UnorderedList();
            list.setId("notification-list");
            for (List<Notice> repeats : grouped(notices)) {
                list.add(item(repeats, dialog));
            }
            dialog.add(list);
        }
        dialog.setId("notifications-dialog");
        dialog.getFooter().add(new Button("Close", event -> dialog.close()));
        dialog.open();
        refresh();
    }
}
