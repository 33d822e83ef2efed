package dev.breakglass.notifications.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import dev.breakglass.notifications.Notice;
import dev.breakglass.notifications.NotificationCenter;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

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
            watching = center.watchMine(() -> ui.access(() -> asSignedInMember(ui, this::refresh)));
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
     * A push runs outside any request, so the member's security context is taken from their session for the
     * services to check, and put back after; with no member anywhere (signed out meanwhile) nothing is refreshed.
     */
    private static void asSignedInMember(UI ui, Runnable action) {
        SecurityContext outside = SecurityContextHolder.getContext();
        Object stored = ui.getSession() == null || ui.getSession().getSession() == null
                ? null
                : ui.getSession()
                        .getSession()
                        .getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        if (stored instanceof SecurityContext member && member.getAuthentication() != null) {
            SecurityContextHolder.setContext(member);
        } else if (outside.getAuthentication() == null) {
            return; // signed out meanwhile: nobody to show a count to
        }
        try {
            action.run();
        } finally {
            SecurityContextHolder.setContext(outside);
        }
    }

    private void refresh() {
        int unread = center.unreadCount();
        count.setText(String.valueOf(unread));
        count.setVisible(unread > 0);
        bell.getElement().setAttribute("aria-label", unread == 0 ? "Notifications" : unread + " unread notifications");
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
            notices.forEach(notice -> {
                ListItem item = new ListItem(notice.message() + " " + WHEN.format(notice.createdAt()));
                if (!notice.read()) {
                    item.addClassName("unread");
                }
                list.add(item);
            });
            dialog.add(list);
        }
        dialog.getFooter().add(new Button("Close", event -> dialog.close()));
        dialog.open();
        refresh();
    }
}
