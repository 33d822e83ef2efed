package dev.breakglass.password.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinServletRequest;
import dev.breakglass.password.SetPasswordLink;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Shows a one-time set-password link once, for the admin to hand over. It is not kept anywhere after closing. */
public class SetPasswordLinkDialog extends Dialog {

    /** With its time zone: the admin and the member may not be in the same one. */
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm zzz", Locale.UK);

    public SetPasswordLinkDialog(String memberName, SetPasswordLink link, String publicUrl) {
        setHeaderTitle("Set-password link for " + memberName);
        TextField address = new TextField("Link");
        address.setId("set-password-link");
        address.setValue(absolute(publicUrl, link.path()));
        address.setReadOnly(true);
        address.setWidthFull();
        Paragraph hint = new Paragraph("Hand this link to " + memberName + " yourself or through a channel you trust. "
                + "It works once, until " + WHEN.format(link.expiresAt().atZoneSameInstant(ZoneId.systemDefault()))
                + ". It is shown only now; you can make a new one from the Members page.");
        add(hint, address);
        setWidth("min(40rem, 95vw)");
        Button done = new Button("Done", event -> close());
        done.setId("close-link");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
    }

    /** The link as the member must open it: under {@code breakglass.public-url} when set, else under this request's address. */
    static String absolute(String publicUrl, String path) {
        if (publicUrl != null && !publicUrl.isBlank()) {
            return publicUrl.replaceAll("/+$", "") + "/" + path;
        }
        VaadinServletRequest current = VaadinServletRequest.getCurrent();
        if (current == null) {
            return "/" + path;
        }
        HttpServletRequest http = current.getHttpServletRequest();
        boolean defaultPort = ("http".equals(http.getScheme()) && http.getServerPort() == 80)
                || ("https".equals(http.getScheme()) && http.getServerPort() == 443);
        return http.getScheme() + "://" + http.getServerName() + (defaultPort ? "" : ":" + http.getServerPort())
                + http.getContextPath() + "/" + path;
    }
}
