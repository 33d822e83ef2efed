package dev.breakglass.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;

/**
 * Page-wide settings. Styles are a static stylesheet on top of Lumo, so no frontend bundle has to be built. Server
 * push carries what happens elsewhere (a new notification) to open pages at once.
 */
@Meta(name = "referrer", content = "no-referrer")
@Push
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Breakglass");
        settings.addLink("stylesheet", "styles/breakglass.css");
    }
}
