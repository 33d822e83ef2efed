package dev.breakglass.formats.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.breakglass.formats.FormatPluginService;
import dev.breakglass.formats.PluginStatus;
import dev.breakglass.security.Capability;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/** Lists the format plugins for workspace Owners, Super Admins and Admins; the service checks the role again. */
@Route("admin/plugins")
@Menu(title = "Plugins", order = 4)
@PageTitle("Plugins · Breakglass")
@RolesAllowed(Capability.SEE_PLUGINS)
public class PluginsView extends VerticalLayout {

    PluginsView(FormatPluginService service) {
        setId("plugins-view");
        List<PluginStatus> plugins = service.plugins();
        long running = plugins.stream()
                .filter(plugin -> plugin.state() == PluginStatus.State.STARTED)
                .count();
        Paragraph summary = new Paragraph(running + " of " + plugins.size()
                + (plugins.size() == 1 ? " plugin" : " plugins") + " running. Bundled plugins ship with "
                + "Breakglass; installed ones come from the plugins folder (breakglass.plugins.dir), load only when their "
                + "SHA-256 is in breakglass.plugins.trusted-sha256, and replace a bundled plugin with the same id. A "
                + "plugin runs with all of Breakglass's rights: it could read every stored code, so trust a jar only "
                + "if you trust who built it. Changes take effect at the next start.");
        summary.setId("plugins-summary");

        Grid<PluginStatus> grid = new Grid<>(PluginStatus.class, false);
        grid.setId("plugins-grid");
        grid.setEmptyStateText("No format plugins are loaded: every paste is read as a generic list.");
        grid.addColumn(PluginStatus::pluginId)
                .setHeader("Plugin")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(PluginStatus::version)
                .setHeader("Version")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(PluginStatus::origin)
                .setHeader("Origin")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(PluginsView::sha256)
                .setKey("sha256")
                .setHeader("SHA-256")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(PluginsView::state)
                .setHeader("State")
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.START);
        grid.addColumn(plugin -> String.join(", ", plugin.formats()))
                .setHeader("Formats")
                .setFlexGrow(1);
        grid.addComponentColumn(PluginsView::errors).setHeader("Errors").setFlexGrow(2);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(plugins);
        grid.setAllRowsVisible(true);

        add(new H1("Plugins"), summary, grid);
    }

    /** The jar's hash, shortened; the whole of it in the tooltip and for copying. */
    private static Span sha256(PluginStatus plugin) {
        String hash = plugin.sha256();
        Span shown = new Span(hash.length() > 16 ? hash.substring(0, 16) + "…" : hash);
        shown.setTitle(hash);
        shown.getElement().setAttribute("data-sha256", hash);
        shown.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
        return shown;
    }

    private static Span state(PluginStatus plugin) {
        Span badge = new Span(plugin.state().label());
        badge.getElement()
                .getThemeList()
                .add(plugin.state() == PluginStatus.State.STARTED ? "badge success" : "badge error");
        return badge;
    }

    private static Div errors(PluginStatus plugin) {
        Div cell = new Div();
        if (!plugin.errors().isEmpty()) {
            UnorderedList list = new UnorderedList();
            plugin.errors().forEach(error -> list.add(new ListItem(error)));
            cell.add(list);
        }
        return cell;
    }
}
