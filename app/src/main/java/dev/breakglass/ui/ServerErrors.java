package dev.breakglass.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * What a member sees when an action fails in a way no page foresaw, such as the database going away during a save:
 * a sentence saying that nothing was saved, instead of silence. The dialog they were in stays open with what they
 * typed. The server log keeps the details; the sentence never quotes the exception.
 */
@Component
class ServerErrors implements VaadinServiceInitListener, ErrorHandler {

    static final String DATABASE_DOWN = "Breakglass could not reach its database, so nothing was saved or changed. "
            + "What you typed is still here: try again in a moment.";
    static final String UNEXPECTED = "Something went wrong on the server, so nothing was saved or changed. Try again; "
            + "if it keeps happening, tell your Breakglass admin (the server log has the details).";

    private static final Logger log = LoggerFactory.getLogger(ServerErrors.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(session -> session.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        Throwable failure = event.getThrowable();
        boolean database =
                causedBy(failure, DataAccessException.class) || causedBy(failure, TransactionException.class);
        log.error(database ? "A request failed: the database could not be reached" : "A request failed", failure);
        UI ui = UI.getCurrent();
        if (ui != null) {
            Notification notification = new Notification(database ? DATABASE_DOWN : UNEXPECTED, 10_000);
            notification.setPosition(Notification.Position.MIDDLE);
            notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
            notification.open();
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
