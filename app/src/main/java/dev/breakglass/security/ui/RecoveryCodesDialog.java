package dev.breakglass.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Breakglass's own recovery codes, shown once: with them a member signs in or confirms who they are when their
 * phone is lost. Copy and Download keep them somewhere else than this browser; only their hashes are stored.
 */
class RecoveryCodesDialog extends Dialog {

    private static final String COPY = """
            if (!navigator.clipboard || !window.isSecureContext) { return 'unavailable'; }
            return navigator.clipboard.writeText($0).then(() => 'copied', () => 'refused');
            """;

    RecoveryCodesDialog(List<String> codes) {
        setId("recovery-codes-dialog");
        setHeaderTitle("Save your recovery codes");
        setWidth("min(30rem, 95vw)");
        setCloseOnOutsideClick(false);
        setCloseOnEsc(false);

        Div list = new Div();
        list.setId("recovery-codes");
        list.addClassName("recovery-codes");
        codes.forEach(code -> {
            Span item = new Span(code);
            item.addClassName("recovery-code");
            list.add(item);
        });
        String text = "Breakglass recovery codes. Each works once, instead of a code from your authenticator app.\n\n"
                + String.join("\n", codes) + "\n";
        Button copy = new Button("Copy", event -> copy(text));
        copy.setId("copy-recovery-codes");
        byte[] file = text.getBytes(StandardCharsets.UTF_8);
        Anchor download = new Anchor(
                DownloadHandler.fromInputStream(event -> new DownloadResponse(
                        new ByteArrayInputStream(file), "breakglass-recovery-codes.txt", "text/plain", file.length)),
                AttachmentType.DOWNLOAD,
                "Download");
        download.setId("download-recovery-codes");
        add(
                new Paragraph("Keep these ten codes somewhere safe, away from your phone. Each one works once, "
                        + "instead of a code from your authenticator app. They are shown only now."),
                list,
                actions(copy, download));

        Button done = new Button("I saved them", event -> close());
        done.setId("close-recovery-codes");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
    }

    private static Div actions(Button copy, Anchor download) {
        Div actions = new Div(copy, download);
        actions.addClassName("recovery-codes-actions");
        return actions;
    }

    private static void copy(String text) {
        com.vaadin
                .flow
                .component
                .UI
                .getCurrent()
                .getPage()
                .executeJs(COPY, text)
                .then(String.class, result -> {
                    boolean copied = "copied".equals(result);
                    Notification.show(
                                    copied
                                            ? "Copied."
                                            : "The browser did not allow copying here. Use Download, or write them down.",
                                    5000,
                                    Notification.Position.BOTTOM_START)
                            .addThemeVariants(
                                    copied ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_WARNING);
                });
    }
}
