package dev.breakglass.backupcodes.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/**
 * Copies one code to the clipboard exactly as the app accepts it (the saved value, never the display form with its
 * spaces), says "Copied", and clears the clipboard again after {@value #CLEAR_AFTER_SECONDS} seconds. Browsers allow
 * both only on a secure page, and clearing only while the tab has focus: when they refuse, the user is told.
 */
final class Clipboard {

    static final int CLEAR_AFTER_SECONDS = 30;

    static final String COPY = """
            if (!navigator.clipboard || !window.isSecureContext) { return 'unavailable'; }
            return navigator.clipboard.writeText($0).then(() => 'copied', () => 'refused');
            """;
    static final String CLEAR_LATER = """
            return new Promise(done => setTimeout(done, $0 * 1000))
                .then(() => navigator.clipboard.writeText(''))
                .then(() => 'cleared', () => 'not-cleared');
            """;

    private Clipboard() {}

    static void copy(String value) {
        UI ui = UI.getCurrent();
        ui.getPage().executeJs(COPY, value).then(String.class, result -> {
            switch (result) {
                case "copied" -> {
                    show(
                            "Copied. The clipboard is cleared in " + CLEAR_AFTER_SECONDS + " seconds.",
                            NotificationVariant.LUMO_SUCCESS);
                    ui.getPage().executeJs(CLEAR_LATER, CLEAR_AFTER_SECONDS).then(String.class, cleared -> {
                        if (!"cleared".equals(cleared)) {
                            show(
                                    "The clipboard could not be cleared: the browser allows it only while this tab has "
                                            + "focus. Copy something else over the code.",
                                    NotificationVariant.LUMO_CONTRAST);
                        }
                    });
                }
                case "unavailable" ->
                    show(
                            "This browser does not let the page copy here. Select the code and copy it "
                                    + "yourself, then copy something else over it when you are done.",
                            NotificationVariant.LUMO_CONTRAST);
                default ->
                    show(
                            "The browser refused to copy. Select the code and copy it yourself.",
                            NotificationVariant.LUMO_CONTRAST);
            }
        });
    }

    private static void show(String message, NotificationVariant variant) {
        Notification.show(message, 5000, Notification.Position.BOTTOM_START).addThemeVariants(variant);
    }
}
