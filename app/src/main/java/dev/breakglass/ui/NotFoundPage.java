package dev.breakglass.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;

/**
 * What every "not found" shows, inside the main layout: an unknown address, a page the member may not open, and a
 * record a service would not find or not show them. All three look exactly alike, so nobody can probe what exists.
 */
final class NotFoundPage {

    static final String TITLE = "Page not found · Breakglass";

    private NotFoundPage() {}

    static Div content() {
        H1 heading = new H1("Page not found");
        Paragraph explanation = new Paragraph("Nothing is at this address, or it is not shared with you. Check the "
                + "link, or ask one of its Account owners to share it.");
        Anchor home = new Anchor(".", "Go to your accounts");
        home.setId("not-found-home");
        Div page = new Div(heading, explanation, home);
        page.setId("not-found");
        page.addClassName("not-found");
        return page;
    }
}
