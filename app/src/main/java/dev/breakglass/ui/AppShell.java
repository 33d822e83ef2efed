package dev.breakglass.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.shared.ui.Transport;

/**
 * Page-wide settings. Styles are a static stylesheet on top of Lumo, so no frontend bundle has to be built. Server
 * push carries what happens elsewhere (a new notification) to open pages at once: over a WebSocket that only the
 * server writes to, while the browser's own messages (a 64 KiB paste among them) travel as ordinary requests, so an
 * open page's connection needs no large receive buffers ({@link PushBuffers}, docs/benchmarks.md section 3).
 */
@Meta(name = "referrer", content = "no-referrer")
@Push(transport = Transport.WEBSOCKET_XHR)
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Breakglass");
        settings.addLink("stylesheet", "styles/breakglass.css");
    }
}
